import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatMobile, maskPhone, parseMobile, parseRegistrationSerial, parseUavt,
  validateMobile, validateRegistrationSerial, validateUavt, validateEmail,
  parseTurkishDate, validateBirthDate, formatTurkishDateInput, validateIntegerInRange, parseDecimal, validateDecimalInRange,
} from '../../../src/widget/validation/index.js';

describe('registration serial', () => {
  const valid: Array<[string, string, string]> = [
    ['AB123456', 'AB', '123456'], ['ab123456', 'AB', '123456'], ['AB 123456', 'AB', '123456'],
    ['ZZ000000', 'ZZ', '000000'], ['GK987654', 'GK', '987654'], ['ii111111', 'II', '111111'],
    [' CD 654321 ', 'CD', '654321'], ['EF-112233', 'EF', '112233'], ['KL999999', 'KL', '999999'],
    ['MN102030', 'MN', '102030'],
  ];
  const invalid = ['', 'A1234567', 'ABC12345', 'AB12345', 'AB1234567', '12345678', 'ABCDEFGH',
    'AB12345X', 'ÇŞ123456', 'AB 12 34'];
  for (const [input, code, number] of valid) {
    it(`parses "${input}"`, () => assert.deepEqual(parseRegistrationSerial(input), { code, number }));
  }
  for (const input of invalid) {
    it(`rejects "${input}"`, () => assert.equal(validateRegistrationSerial(input), input ? 'serial' : 'required'));
  }
});

describe('UAVT', () => {
  const valid = ['1234567890', '1000000001', '9999999999', '1029384756', ' 1234567890 ', '12345 67890',
    '5555555555', '1000000000', '2000000001', '3141592653'];
  const invalid = ['', '123456789', '12345678901', '12345678a0', 'abcdefghij', '-123456789', '1234.56789',
    '１２３４５６７８９０', '12 34', '+123456789'];
  // A 10-digit number never starts with 0 (the API takes the code as a number).
  const leadingZero = ['0000000001', '0123456789', ' 0123456789 ', '01234 56789', '0999999999'];
  for (const v of valid) it(`accepts "${v}"`, () => assert.equal(validateUavt(v), null));
  for (const v of invalid) it(`rejects "${v}"`, () => assert.equal(validateUavt(v), v ? 'uavt' : 'required'));
  for (const v of leadingZero) {
    it(`rejects "${v}" (leading 0) with the UAVT message`, () => {
      assert.equal(validateUavt(v), 'uavt');
      assert.equal(parseUavt(v), undefined);
    });
  }
  it('parses to the compact string', () => assert.equal(parseUavt('12345 67890'), '1234567890'));
});

describe('mobile', () => {
  const valid: Array<[string, string]> = [
    ['5321234567', '5321234567'], ['0532 123 45 67', '5321234567'], ['+90 532 123 4567', '5321234567'],
    ['905321234567', '5321234567'], ['(532) 123-45-67', '5321234567'], ['505 000 00 00', '5050000000'],
    ['0 555 555 55 55', '5555555555'], ['+905001112233', '5001112233'], ['559 999 99 99', '5599999999'],
    ['5011111111', '5011111111'],
  ];
  const invalid = ['', '4321234567', '532123456', '53212345678', '02121234567', '+1 532 123 4567',
    '905', 'abc', '00905321234567', '+90 212 123 45 67'];
  for (const [input, number] of valid) it(`parses "${input}"`, () => assert.equal(parseMobile(input), number));
  for (const input of invalid) {
    it(`rejects "${input}"`, () => assert.equal(validateMobile(input), input ? 'phone' : 'required'));
  }
  it('masks while typing and for logs', () => {
    assert.equal(formatMobile('5321234567'), '532 123 45 67');
    assert.equal(formatMobile('05321'), '532 1');
    assert.equal(maskPhone('5321234567'), '532*****67');
  });
});

describe('email', () => {
  const valid = ['a@b.co', 'ayse.yilmaz@example.com', 'x+tag@mail.example.org', 'USER@EXAMPLE.COM',
    'first_last@sub.domain.com.tr', 'a1@b2.io', 'o\'brien@example.ie', 'test-1@my-site.net',
    'çağla@örnek.com.tr', 'a.b.c@d.e.fg'];
  const invalid = ['', 'plain', '@example.com', 'a@', 'a@b', 'a b@c.com', 'a@@b.com', 'a@b..com',
    '.a@b.com', 'a.@b.com', 'a@-b.com', 'a@b.c', `${'a'.repeat(65)}@b.com`];
  for (const v of valid) it(`accepts ${v}`, () => assert.equal(validateEmail(v), null));
  for (const v of invalid) it(`rejects "${v}"`, () => assert.equal(validateEmail(v), v ? 'email' : 'required'));
});

describe('birth date', () => {
  const now = new Date(Date.UTC(2026, 10, 28));
  it('parses gg.aa.yyyy', () => {
    assert.equal(parseTurkishDate('01.02.1990'), '1990-02-01');
    assert.equal(parseTurkishDate('1.2.1990'), '1990-02-01');
    assert.equal(parseTurkishDate('29.02.2001'), undefined);
    assert.equal(parseTurkishDate('31.04.1990'), undefined);
    assert.equal(formatTurkishDateInput('01021990'), '01.02.1990');
  });
  it('formats as typed without mangling separators, short groups or autofill', () => {
    assert.equal(formatTurkishDateInput('1.2.1990'), '1.2.1990');
    assert.equal(formatTurkishDateInput('1.'), '1.');
    assert.equal(formatTurkishDateInput('15/06/1990'), '15.06.1990');
    assert.equal(formatTurkishDateInput('1990-06-15'), '15.06.1990'); // autocomplete="bday" autofill
    assert.equal(formatTurkishDateInput('01.021'), '01.02.1'); // typing on after the mask's dot
    assert.equal(formatTurkishDateInput('15.06.19901'), '15.06.1990');
    assert.equal(parseTurkishDate(formatTurkishDateInput('1990-06-15')), '1990-06-15');
  });
  it('wants an adult in a sane range', () => {
    assert.equal(validateBirthDate('28.11.2008', now), null);
    assert.equal(validateBirthDate('29.11.2008', now), 'birthDate');
    assert.equal(validateBirthDate('01.01.1890', now), 'birthDate');
    assert.equal(validateBirthDate('', now), 'required');
  });
});

describe('integer range', () => {
  it('checks presence, wholeness and range', () => {
    assert.equal(validateIntegerInRange('120', 10, 10000), null);
    assert.equal(validateIntegerInRange('', 10, 10000), 'required');
    assert.equal(validateIntegerInRange('12.5', 10, 10000), 'integer');
    assert.equal(validateIntegerInRange('5', 10, 10000), 'range');
    assert.equal(validateIntegerInRange('-1', -5, 200), null);
  });
});

describe('decimal range', () => {
  it('reads a comma or a point as the decimal separator', () => {
    assert.equal(parseDecimal('72,5'), 72.5);
    assert.equal(parseDecimal(' 72.25 '), 72.25);
    assert.equal(parseDecimal('72'), 72);
    for (const bad of ['72,', ',5', '72,5,1', '7.2.5', '72,555', '-72', '72 kg', '1.000']) {
      assert.equal(parseDecimal(bad), undefined, bad);
    }
  });

  it('checks presence, form and range', () => {
    assert.equal(validateDecimalInRange('72,5', 25, 300), null);
    assert.equal(validateDecimalInRange('', 25, 300), 'required');
    assert.equal(validateDecimalInRange('yetmiş', 25, 300), 'decimal');
    assert.equal(validateDecimalInRange('24,9', 25, 300), 'range');
    assert.equal(validateDecimalInRange('300,5', 25, 300), 'range');
  });
});
