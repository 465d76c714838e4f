/**
 * What a failed login call means for the form. InsurUp answers problem details with codes
 * (MFA_CODE_INVALID, MFA_TOO_MANY_ATTEMPTS, MFA_TOKEN_EXPIRED, ...); the agency proxy answers
 * 429 once a code has been guessed at too often. The form shows its own localized sentence for
 * the outcomes it handles and InsurUp's `detail` for the rest.
 */
import { InsurUpError } from '../../api/errors.js';

export type VerifyOutcome = 'wrong-code' | 'locked' | 'expired' | 'other';

const has = (error: InsurUpError, code: string) => error.problem?.codes?.includes(code) ?? false;

export function classifyVerifyError(error: unknown): VerifyOutcome {
  if (!(error instanceof InsurUpError)) return 'other';
  if (has(error, 'MFA_TOO_MANY_ATTEMPTS') || (error.kind === 'problem' && error.status === 429)) return 'locked';
  if (has(error, 'MFA_TOKEN_EXPIRED') || has(error, 'MFA_TOKEN_INVALID')) return 'expired';
  if (has(error, 'MFA_CODE_INVALID')) return 'wrong-code';
  return 'other';
}

export type SendOutcome = 'phone-mismatch' | 'underage' | 'invalid-field' | 'other';

/** For login-or-register failures: which field the customer should look at, if any. */
export function classifySendError(error: unknown): { outcome: SendOutcome; field?: 'identity' | 'birthDate' | 'phone' } {
  if (!(error instanceof InsurUpError)) return { outcome: 'other' };
  if (has(error, 'PHONE_NUMBER_MISMATCH')) return { outcome: 'phone-mismatch', field: 'phone' };
  if (has(error, 'CUSTOMER_UNDERAGE')) return { outcome: 'underage', field: 'birthDate' };
  const fields = Object.keys(error.fieldErrors);
  if (fields.some((f) => f.startsWith('phoneNumber'))) return { outcome: 'invalid-field', field: 'phone' };
  if (fields.some((f) => f === 'identityNumber' || f === 'taxNumber')) return { outcome: 'invalid-field', field: 'identity' };
  if (fields.some((f) => f === 'birthDate') || has(error, 'BIRTH_DATE_REQUIRED') || has(error, 'BIRTH_DATE_INVALID')) {
    return { outcome: 'invalid-field', field: 'birthDate' };
  }
  return { outcome: 'other' };
}
