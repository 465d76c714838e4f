// translate(): placeholders, the Turkish fallback, and how numbers are written in a message.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../../src/widget/i18n/index.js';

describe('translate', () => {
  it('fills placeholders and groups numbers of five digits and more the language’s way', () => {
    assert.equal(translate('tr', 'validation.range', { min: 10, max: 10000 }), '10 ile 10.000 arasında bir değer girin.');
    assert.equal(translate('en', 'validation.range', { min: 10, max: 10000 }), 'Enter a value between 10 and 10,000.');
  });

  it('leaves years and other short numbers, and strings, as written', () => {
    assert.equal(translate('tr', 'validation.range', { min: 1950, max: 2026 }), '1950 ile 2026 arasında bir değer girin.');
    assert.equal(translate('en', 'validation.range', { min: '0012345678', max: 5 }), 'Enter a value between 0012345678 and 5.');
  });

  it('keeps an unknown placeholder visible rather than printing undefined', () => {
    assert.equal(translate('en', 'validation.range', { min: 1 }), 'Enter a value between 1 and {max}.');
  });
});
