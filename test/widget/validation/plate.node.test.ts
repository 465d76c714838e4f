import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatPlate, normalizePlate, parsePlate, validatePlate } from '../../../src/widget/validation/index.js';

describe('plate', () => {
  const valid: Array<[string, number, string]> = [
    ['34ABC123', 34, 'ABC123'],
    ['34 abc 123', 34, 'ABC123'],
    ['06 A 1234', 6, 'A1234'],
    ['06A12345', 6, 'A12345'],
    ['35 AB 123', 35, 'AB123'],
    ['35AB1234', 35, 'AB1234'],
    ['01 ABC 12', 1, 'ABC12'],
    ['81 zzz 999', 81, 'ZZZ999'],
    ['34 ıi 1234', 34, 'II1234'], // tr-TR upper-casing: ı → I, i → İ → I
    ['16-BR-2000', 16, 'BR2000'],
  ];
  const invalid = [
    '', '00ABC123', '82ABC123', '34QA1234', '34WW123', '34XYZ12', '34ABCD12',
    '34A123', '34AB12', '34ABC1', '34ABC1234', '34 ÇŞ 123', 'ABC123', '3A4BC123',
  ];
  for (const [input, city, code] of valid) {
    it(`parses "${input}"`, () => assert.deepEqual(parsePlate(input), { city, code }));
  }
  for (const input of invalid) {
    it(`rejects "${input}"`, () => {
      assert.equal(parsePlate(input), undefined);
      assert.equal(validatePlate(input), input ? 'plate' : 'required');
    });
  }
  it('normalises and formats', () => {
    assert.equal(normalizePlate(' 34 abc 123 '), '34ABC123');
    assert.equal(formatPlate({ city: 6, code: 'A1234' }), '06 A 1234');
  });
});
