export const flow = {
  'flow.step.login': 'Giriş',
  'flow.step.asset': 'Bilgiler',
  'flow.step.quotes': 'Teklifler',
  'flow.step.checkout': 'Ödeme',
  'flow.step.policy': 'Poliçe',
} as const;
