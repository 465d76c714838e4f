/** The checkout's pure helpers: payment types, the return marker and address, card typing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  offeredPaymentTypes,
  parsePaymentTypes,
  supportedPaymentTypes,
} from '../../../src/widget/elements/insurup-checkout/payment-types.js';
import {
  buildCallbackUrl,
  newReturnMarker,
  readReturnMarker,
  removeReturnParams,
} from '../../../src/widget/elements/insurup-checkout/payment-return.js';
import { caretAfterDigits, formatExpiryInput } from '../../../src/widget/elements/insurup-checkout/card-format.js';

test('payment types: the product supports, the agency narrows, unknown names never widen', () => {
  const all = ['ASYNC_3D_SECURE', 'ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'] as const;
  assert.deepEqual(supportedPaymentTypes([...all]), ['3d-secure', 'third-party-3d-secure', 'insurance-company-redirect']);
  assert.deepEqual(supportedPaymentTypes(['SYNC_CREDIT_CARD', 'SYNC_OPEN_ACCOUNT']), []);
  assert.equal(parsePaymentTypes(undefined).size, 3);
  assert.deepEqual([...parsePaymentTypes(' Insurance-Company-Redirect , 3d-secure ')], ['3d-secure', 'insurance-company-redirect']);
  assert.deepEqual([...parsePaymentTypes('credit-card, open-account')], []);
  assert.deepEqual([...parsePaymentTypes('')], []);
  const product = { productType: 'WEB_SERVICE' as const, supportedPaymentOptions: [...all] };
  assert.deepEqual(offeredPaymentTypes(product, parsePaymentTypes('insurance-company-redirect')), ['insurance-company-redirect']);
  assert.deepEqual(offeredPaymentTypes({ ...product, productType: 'ROBOT' }, parsePaymentTypes(undefined)), []);
});

test('the return marker is random hex and only a well-formed one is read', () => {
  const a = newReturnMarker();
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, newReturnMarker());
  assert.equal(readReturnMarker(`https://acente.example/kasko?insurup_return=${a}&success=true`), a);
  assert.equal(readReturnMarker('https://acente.example/kasko?insurup_return=<script>'), null);
  assert.equal(readReturnMarker('https://acente.example/kasko?success=true&policyId=1'), null);
});

test('the callback URL: attribute or page, no hash, no earlier return parameters, the marker added', () => {
  const page = 'https://acente.example/kasko?utm_source=x&insurup_return=old&success=false&error=no#odeme';
  const fromPage = new URL(buildCallbackUrl('ab'.repeat(16), undefined, page));
  assert.equal(fromPage.origin + fromPage.pathname, 'https://acente.example/kasko');
  assert.equal(fromPage.hash, '');
  assert.equal(fromPage.searchParams.get('utm_source'), 'x');
  assert.deepEqual(fromPage.searchParams.getAll('insurup_return'), ['ab'.repeat(16)]);
  assert.equal(fromPage.searchParams.get('success'), null);
  assert.equal(fromPage.searchParams.get('error'), null);
  const fromAttribute = new URL(buildCallbackUrl('cd'.repeat(16), '/tesekkurler', page));
  assert.equal(fromAttribute.href, `https://acente.example/tesekkurler?insurup_return=${'cd'.repeat(16)}`);
});

test('return parameters leave the address bar; the page keeps its own', () => {
  const calls: string[] = [];
  const win = {
    location: { href: 'https://acente.example/kasko?utm_source=x&insurup_return=ab&success=true&policyId=p1#top' },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => calls.push(url) },
  };
  assert.equal(removeReturnParams(win as never), true);
  assert.deepEqual(calls, ['/kasko?utm_source=x#top']);
  // Without the marker, `success` may be the host page's own parameter: left alone.
  const other = { ...win, location: { href: 'https://acente.example/?success=true' } };
  assert.equal(removeReturnParams(other as never), false);
  assert.equal(calls.length, 1);
});

test('card typing: expiry becomes MM/YY, the caret follows the digits', () => {
  assert.equal(formatExpiryInput('0829'), '08/29');
  assert.equal(formatExpiryInput('12/2031'), '12/31');
  assert.equal(formatExpiryInput('1/'), '01/');
  assert.equal(formatExpiryInput('08/'), '08/');
  assert.equal(formatExpiryInput('08'), '08');
  assert.equal(caretAfterDigits('4111 1111 1', 5), 6);
  assert.equal(caretAfterDigits('4111 1111 1', 4), 4);
});
