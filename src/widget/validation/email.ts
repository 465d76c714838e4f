/** E-mail addresses: one @, a dot in the domain, no spaces, at most 254 characters. */
import type { ValidationResult } from './result.js';

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[A-Za-z\u00C0-\uFFFF]{2,}$/;

export function validateEmail(input: string): ValidationResult {
  const value = input.trim();
  if (!value) return 'required';
  if (value.length > 254) return 'email';
  const [local, domain] = value.split('@');
  if (!local || !domain || local.length > 64) return 'email';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || domain.includes('..')) return 'email';
  if (domain.split('.').some((label) => !label || label.startsWith('-') || label.endsWith('-'))) return 'email';
  return EMAIL.test(value) ? null : 'email';
}
