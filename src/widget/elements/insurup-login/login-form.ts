/**
 * The login form's values, their validation (the shared pure validators) and the
 * login-or-register body built from them. No DOM here.
 */
import type { BrowserLoginOrRegisterRequest } from '../../../contract/index.js';
import { Guid } from '../../../contract/index.js';
// Module by module, not the barrel: the login's first download needs no plate or card rules.
import { parseTurkishDate, validateBirthDate } from '../../validation/dates.js';
import { validateTckn, validateVkn, validateYkn } from '../../validation/identity.js';
import { parseMobile, validateMobile } from '../../validation/phone.js';
import { digitsOnly } from '../../validation/result.js';
import type { FieldValidator } from '../shared/form-state.js';

export type CustomerKind = 'individual' | 'company' | 'foreign';
export const CUSTOMER_KINDS: readonly CustomerKind[] = ['individual', 'company', 'foreign'];

export type LoginValues = {
  customerType: CustomerKind;
  identity: string;
  birthDate: string;
  phone: string;
  /** 'yes' when the KVKK box is ticked. */
  consent: string;
};

export const EMPTY_LOGIN: LoginValues = { customerType: 'individual', identity: '', birthDate: '', phone: '', consent: '' };

/** The fields in the order they appear, for "focus the first invalid one". */
export const LOGIN_FIELDS = ['identity', 'birthDate', 'phone', 'consent'] as const;

/** Companies have no birth date. */
export const needsBirthDate = (kind: CustomerKind) => kind !== 'company';

export const loginValidators: { [K in keyof LoginValues]?: FieldValidator<LoginValues> } = {
  identity: (value, values) =>
    values.customerType === 'company' ? validateVkn(value) : values.customerType === 'foreign' ? validateYkn(value) : validateTckn(value),
  birthDate: (value, values) => (needsBirthDate(values.customerType) ? validateBirthDate(value) : null),
  phone: (value) => validateMobile(value),
  consent: (value) => (value === 'yes' ? null : 'required'),
};

export const codeValidators: { code: FieldValidator<{ code: string }> } = {
  code: (value) => (/^\d{6}$/.test(value) ? null : value ? 'integer' : 'required'),
};

/** The body for login-or-register. `$type` goes first (InsurUp reads the discriminator first). */
export function buildLoginRequest(values: LoginValues, agentBranchId?: string | null): BrowserLoginOrRegisterRequest {
  const phoneNumber = { number: parseMobile(values.phone)!, countryCode: 90 };
  const branch = agentBranchId && Guid.safeParse(agentBranchId).success ? { agentBranchId } : {};
  const id = Number(digitsOnly(values.identity));
  if (values.customerType === 'company') return { $type: 'company', taxNumber: id, phoneNumber, ...branch };
  return {
    $type: values.customerType,
    identityNumber: id,
    birthDate: parseTurkishDate(values.birthDate) ?? null,
    phoneNumber,
    ...branch,
  };
}
