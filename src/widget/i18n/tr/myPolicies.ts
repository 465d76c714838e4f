export const myPolicies = {
  'myPolicies.title': 'Tekliflerim ve poliçelerim',
} as const;
