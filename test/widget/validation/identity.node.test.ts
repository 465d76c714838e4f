import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidTckn, isValidVkn, isValidYkn, validateTckn, validateVkn, validateYkn } from '../../../src/widget/validation/index.js';

describe('TCKN', () => {
  const valid = [
    '44771278268', '26197306992', '52393849902', '79893557250', '15184715664',
    '17777786808', '98183655308', '67539892278',
    '19090909018', // (d1+d3+..)*7 - (d2+d4+..) = -29: the remainder must wrap to 1
    '99000000042',
  ];
  const invalid = [
    '',
    '1909090901', // 10 digits
    '190909090180', // 12 digits
    '09090909018', // leading zero
    '19090909098', // naive JS remainder (-9) would accept a different 10th digit
    '44771278269', // wrong 11th digit
    '44771278258', // wrong 10th digit
    '4477127826a',
    '12345678901',
    '11111111111',
  ];
  for (const v of valid) it(`accepts ${v}`, () => assert.equal(isValidTckn(v), true));
  for (const v of invalid) it(`rejects "${v}"`, () => assert.equal(isValidTckn(v), false));
  it('validateTckn ignores spaces and names the problem', () => {
    assert.equal(validateTckn('447 712 782 68'), null);
    assert.equal(validateTckn(''), 'required');
    assert.equal(validateTckn('12345678901'), 'tckn');
  });
});

describe('YKN (foreign resident id)', () => {
  it('accepts 99-prefixed numbers with a TCKN checksum', () => {
    for (const v of ['99123456740', '99555555592', '99000000042']) assert.equal(isValidYkn(v), true, v);
  });
  it('rejects others', () => {
    for (const v of ['44771278268', '99123456741', '9912345674', '']) assert.equal(isValidYkn(v), false, v);
    assert.equal(validateYkn('44771278268'), 'ykn');
  });
});

describe('VKN', () => {
  const valid = [
    '1010713644', '3926554865', '6257638639', '0622758694', '9767873010',
    '5448549735', '2305304192', '0402606624',
    '1329313360', '6737012930', '6287203170', // check digit 0
  ];
  const invalid = [
    '', '101071364', '10107136441', '1010713645', '3926554866', '6257638630',
    '1329313361', // check digit should be 0
    'ABCDEFGHIJ', '0000000002', '9767873019',
  ];
  for (const v of valid) it(`accepts ${v}`, () => assert.equal(isValidVkn(v), true));
  for (const v of invalid) it(`rejects "${v}"`, () => assert.equal(isValidVkn(v), false));
  it('validateVkn names the problem', () => {
    assert.equal(validateVkn('1010713644'), null);
    assert.equal(validateVkn(' '), 'required');
    assert.equal(validateVkn('1010713645'), 'vkn');
  });
});
