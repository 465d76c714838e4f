import type { login as tr } from '../tr/login.js';

export const login = {
  'login.title': 'Log in',
  'login.codeTitle': 'Verification code',
} as const satisfies Record<keyof typeof tr, string>;
