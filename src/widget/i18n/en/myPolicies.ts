import type { myPolicies as tr } from '../tr/myPolicies.js';

export const myPolicies = {
  'myPolicies.title': 'My quotes and policies',
  'myPolicies.loginFirst': 'Log in to see your quotes and policies.',

  'myPolicies.policies.heading': 'My policies',
  'myPolicies.policies.loading': 'Loading your policies…',
  'myPolicies.policies.empty': 'You have no policies yet.',
  'myPolicies.policies.pages': 'Policy pages',
  'myPolicies.policy.number': 'Policy no.',
  'myPolicies.policy.period': 'Valid',
  'myPolicies.policy.premium': 'Premium',
  'myPolicies.policy.state': 'Status',
  'myPolicies.policy.download': 'Download PDF',

  'myPolicies.proposals.heading': 'My quotes',
  'myPolicies.proposals.loading': 'Loading your quotes…',
  'myPolicies.proposals.empty': 'You have not asked for any quotes yet.',
  'myPolicies.proposals.pages': 'Quote pages',
  'myPolicies.proposal.date': 'Quote date',
  'myPolicies.proposal.state': 'Status',
  'myPolicies.proposal.state.WAITING': 'Quotes arriving',
  'myPolicies.proposal.state.COMPLETED': 'Completed',
  'myPolicies.proposal.state.other': 'In progress',
  'myPolicies.proposal.lowest': 'Best price',
  'myPolicies.proposal.offers': 'Offers',
  'myPolicies.proposal.offersValue': '{succeeded} of {total} insurers',

  'myPolicies.previous': 'Previous',
  'myPolicies.next': 'Next',
  'myPolicies.range': '{from}–{to} of {total}',
} as const satisfies Record<keyof typeof tr, string>;
