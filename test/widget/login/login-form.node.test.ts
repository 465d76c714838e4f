/** The login form's body and validation, without a browser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLoginRequest, loginValidators, codeValidators, EMPTY_LOGIN } from '../../../src/widget/elements/insurup-login/login-form.js';
import { LoginOrRegisterRequest } from '../../../src/contract/auth.js';
import { classifySendError, classifyVerifyError } from '../../../src/widget/elements/insurup-login/mfa-errors.js';
import { InsurUpError } from '../../../src/widget/api/errors.js';

const BRANCH = '3f2b8c1e-9d4a-4b7e-a1c2-5d6e7f8a9b0c';
const base = { ...EMPTY_LOGIN, birthDate: '15.06.1990', phone: '0532 123 45 67', consent: 'yes' };

test('builds each customer type’s body with $type first, valid for the contract', () => {
  const individual = buildLoginRequest({ ...base, customerType: 'individual', identity: '10000000146' }, BRANCH);
  assert.deepEqual(individual, {
    $type: 'individual',
    identityNumber: 10000000146,
    birthDate: '1990-06-15',
    phoneNumber: { number: '5321234567', countryCode: 90 },
    agentBranchId: BRANCH,
  });
  assert.equal(Object.keys(individual)[0], '$type');
  const company = buildLoginRequest({ ...base, customerType: 'company', identity: '1234567890' }, 'not-a-guid');
  assert.deepEqual(company, { $type: 'company', taxNumber: 1234567890, phoneNumber: { number: '5321234567', countryCode: 90 } });
  const foreign = buildLoginRequest({ ...base, customerType: 'foreign', identity: '99000000042' });
  assert.equal(foreign.$type, 'foreign');
  for (const body of [individual, company, foreign]) {
    assert.ok(LoginOrRegisterRequest.safeParse({ ...body, agentId: BRANCH }).success);
  }
});

test('validates the identity by customer type, the birth date only for people, and the consent', () => {
  const v = (name: keyof typeof loginValidators, value: string, values = base) => loginValidators[name]!(value, values);
  assert.equal(v('identity', '10000000146', { ...base, customerType: 'individual' }), null);
  assert.equal(v('identity', '10000000147', { ...base, customerType: 'individual' }), 'tckn');
  assert.equal(v('identity', '10000000146', { ...base, customerType: 'company' }), 'vkn');
  assert.equal(v('identity', '10000000146', { ...base, customerType: 'foreign' }), 'ykn');
  assert.equal(v('birthDate', '', { ...base, customerType: 'company' }), null);
  assert.equal(v('birthDate', '31.02.1990', { ...base, customerType: 'individual' }), 'birthDate');
  assert.equal(v('phone', '212 123 45 67'), 'phone');
  assert.equal(v('consent', ''), 'required');
  assert.equal(codeValidators.code('12345', { code: '12345' }), 'integer');
  assert.equal(codeValidators.code('123456', { code: '123456' }), null);
});

test('reads InsurUp’s codes: wrong code, lockout (also the proxy’s 429), expiry, phone mismatch', () => {
  const problem = (status: number, ...codes: string[]) =>
    new InsurUpError('problem', 'x', 'verifyMfa', status, { type: 'https://api.insurup.com/problems/business-validation', status, codes });
  assert.equal(classifyVerifyError(problem(400, 'MFA_CODE_INVALID')), 'wrong-code');
  assert.equal(classifyVerifyError(problem(400, 'MFA_CODE_INVALID', 'MFA_TOO_MANY_ATTEMPTS')), 'locked');
  assert.equal(classifyVerifyError(problem(429)), 'locked');
  assert.equal(classifyVerifyError(problem(400, 'MFA_TOKEN_EXPIRED')), 'expired');
  assert.equal(classifyVerifyError(new InsurUpError('network', 'x')), 'other');
  assert.deepEqual(classifySendError(problem(400, 'PHONE_NUMBER_MISMATCH')), { outcome: 'phone-mismatch', field: 'phone' });
});
