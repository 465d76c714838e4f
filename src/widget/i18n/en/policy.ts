import type { policy as tr } from '../tr/policy.js';

export const policy = {
  'policy.title': 'Your policy',
  'policy.loading': 'Loading your policy…',
  'policy.ready': 'Your policy is ready. You can download it or have it sent to your e-mail address.',
  'policy.number': 'Policy number',
  'policy.insurer': 'Insurer',
  'policy.product': 'Product',
  'policy.period': 'Valid',
  'policy.periodValue': '{start} – {end}',
  'policy.premium': 'Total premium',
  'policy.plan': 'Payment',
  'policy.singlePayment': 'Single payment',
  'policy.installments': '{count} instalments',
  'policy.state': 'Status',
  'policy.state.ACTIVE': 'In force',
  'policy.state.END_OF_LIFE': 'Expired',
  'policy.state.CANCELLED': 'Cancelled',
  'policy.branch.kasko': 'Comprehensive car insurance (kasko)',
  'policy.branch.trafik': 'Compulsory motor liability (trafik)',
  'policy.branch.imm': 'Voluntary motor liability (İMM)',
  'policy.branch.dask': 'Compulsory earthquake insurance (DASK)',
  'policy.branch.konut': 'Home insurance',
  'policy.branch.tss': 'Supplementary health insurance (TSS)',

  'policy.download': 'Download the policy (PDF)',
  'policy.downloading': 'Preparing the document…',
  'policy.downloadFallback': 'If the document did not open, open it here: Policy PDF',

  'policy.help': 'A question about your policy?',

  'policy.email.heading': 'Send the policy by e-mail',
  'policy.email.label': 'E-mail address',
  'policy.email.send': 'Send by e-mail',
  'policy.email.sending': 'Sending…',
  'policy.email.sent': 'Your policy was sent to {email}.',
} as const satisfies Record<keyof typeof tr, string>;
