import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cardBrand, formatCardExpiry, formatCardNumber, luhnValid, maskCardNumber, parseCardExpiry,
  validateCardExpiry, validateCardNumber, validateCvc, validateHolderName,
} from '../../../src/widget/validation/index.js';

describe('card number', () => {
  const valid: Array<[string, string]> = [
    ['4111 1111 1111 1111', 'visa'], ['4012888888881881', 'visa'], ['4242-4242-4242-4242', 'visa'],
    ['5555555555554444', 'mastercard'], ['5105105105105100', 'mastercard'], ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'], ['371449635398431', 'amex'], ['9792030394739205', 'troy'],
    ['6500000000000002', 'troy'], ['4111111111119', 'visa'],
  ];
  const invalid = ['', '4111111111111112', '1234567812345678', '411111111111111', '37828224631000',
    '5555555555554445', 'abcd efgh ijkl mnop', '4111', '41111111111111111111', '378282246310005 1',
    '2223003122003223'];
  for (const [n, brand] of valid) {
    it(`accepts ${n} (${brand})`, () => {
      assert.equal(validateCardNumber(n), null);
      assert.equal(cardBrand(n), brand);
    });
  }
  for (const n of invalid) it(`rejects "${n}"`, () => assert.equal(validateCardNumber(n), n ? 'cardNumber' : 'required'));
  it('luhn, grouping and masking', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(formatCardNumber('4111111111111111'), '4111 1111 1111 1111');
    assert.equal(formatCardNumber('378282246310005'), '3782 822463 10005');
    assert.equal(maskCardNumber('4111 1111 1111 1111'), '************1111');
  });
});

describe('card expiry', () => {
  const now = new Date(2026, 10, 28); // November 2026
  const valid = ['11/26', '12/26', '01/27', '1/27', '12 / 30', '1127', '05/2031', '06/29', '11/2026', '12/46'];
  const invalid: Array<[string, string]> = [
    ['', 'required'], ['10/26', 'cardExpired'], ['01/20', 'cardExpired'], ['13/27', 'cardExpiry'],
    ['00/27', 'cardExpiry'], ['ab/cd', 'cardExpiry'], ['1/2', 'cardExpiry'], ['12/123', 'cardExpiry'],
    ['12/99', 'cardExpiry'], ['10/2026', 'cardExpired'],
  ];
  for (const v of valid) it(`accepts ${v}`, () => assert.equal(validateCardExpiry(v, now), null));
  for (const [v, key] of invalid) it(`rejects "${v}" as ${key}`, () => assert.equal(validateCardExpiry(v, now), key));
  it('parses and formats', () => {
    assert.deepEqual(parseCardExpiry('0729'), { month: 7, year: 2029 });
    assert.equal(formatCardExpiry('0729'), '07/29');
  });
});

describe('cvc and holder', () => {
  it('cvc length follows the brand', () => {
    assert.equal(validateCvc('123', 'visa'), null);
    assert.equal(validateCvc('1234', 'amex'), null);
    assert.equal(validateCvc('1234', 'visa'), 'cvc');
    assert.equal(validateCvc('12a', 'visa'), 'cvc');
    assert.equal(validateCvc('', 'visa'), 'required');
  });
  it('holder name needs a first and last name', () => {
    assert.equal(validateHolderName('Ayşe Yılmaz'), null);
    assert.equal(validateHolderName('Ayşe'), 'holderName');
    assert.equal(validateHolderName('4111 1111'), 'holderName');
  });
});
