import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { Api, assertProblem, start, waitFor } from './helpers.js';
import { CALLBACK, card, createKaskoProposal, customerWithVehicle, settledProposal } from './quoting.js';

type Product = { id: string; state: string; productType: string; supportedPaymentOptions: string[]; premiums: Array<{ installmentNumber: number; grossPremium: number }> };

describe('sandbox payment', () => {
  let sandbox: StartedSandbox;
  let api: Api;
  let proposal: { proposalId: string; products: Product[] };

  before(async () => {
    sandbox = await start();
    api = new Api(sandbox.url);
    const setup = await customerWithVehicle(api, 'payments');
    // Three coverage groups: plenty of ACTIVE products to buy one by one.
    proposal = await settledProposal(api, await createKaskoProposal(api, setup.customerId, setup.vehicleId, setup.catalog, 3));
  });
  after(() => sandbox.close());

  const taken = new Set<string>();
  /** An ACTIVE web-service product with this option, not used by an earlier test. */
  const productWith = (option: string): Product => {
    const product = proposal.products.find((p) => p.state === 'ACTIVE' && p.productType === 'WEB_SERVICE' && p.supportedPaymentOptions.includes(option) && !taken.has(p.id));
    assert.ok(product, `an unused ACTIVE product with ${option}`);
    taken.add(product.id);
    return product;
  };
  const path = (p: { id: string }) => `/api/proposals/${proposal.proposalId}/products/${p.id}`;
  const startPurchase = (p: Product, type = '3d-secure', extra: Record<string, unknown> = {}) =>
    api.post(`${path(p)}/purchase/async`, {
      $type: type,
      ...(type === 'insurance-company-redirect' ? {} : { card: card() }),
      proposalId: proposal.proposalId,
      proposalProductId: p.id,
      installmentNumber: 1,
      callbackUrl: CALLBACK,
      ...extra,
    });
  const decide = (url: string, decision: string, fields: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', body: new URLSearchParams({ decision, ...fields }), redirect: 'manual' });

  it('decline: back to the callback with success=false, the product ACTIVE again and buyable', async () => {
    const product = productWith('ASYNC_3D_SECURE');
    const { body } = await startPurchase(product);
    const declined = await decide(body.redirectUrl, 'decline');
    assert.equal(declined.status, 303);
    const back = new URL(declined.headers.get('location')!);
    assert.equal(back.searchParams.get('x'), '1');
    assert.equal(back.searchParams.get('success'), 'false');
    assert.ok(back.searchParams.get('error'));
    assert.equal(back.searchParams.get('policyId'), null);
    assert.equal((await api.get(path(product))).body.state, 'ACTIVE');
    // Submitting the same page again gives the same answer, not a purchase.
    const again = await decide(body.redirectUrl, 'approve');
    assert.equal(new URL(again.headers.get('location')!).searchParams.get('success'), 'false');
    // A new attempt works.
    const retry = await startPurchase(product);
    const approved = await decide(retry.body.redirectUrl, 'approve');
    assert.equal(new URL(approved.headers.get('location')!).searchParams.get('success'), 'true');
    assert.equal((await api.get(path(product))).body.state, 'PURCHASED');
  });

  it('a repeated approve and a second payment of a bought product make one policy', async () => {
    const product = productWith('ASYNC_3D_SECURE');
    const first = await startPurchase(product);
    const second = await startPurchase(product);
    const approved = await decide(first.body.redirectUrl, 'approve');
    const policyId = new URL(approved.headers.get('location')!).searchParams.get('policyId');
    assert.ok(policyId);
    const repeat = await decide(first.body.redirectUrl, 'approve');
    assert.equal(new URL(repeat.headers.get('location')!).searchParams.get('policyId'), policyId, 'a resubmitted form answers the same');
    const other = await decide(second.body.redirectUrl, 'approve');
    const otherBack = new URL(other.headers.get('location')!);
    assert.equal(otherBack.searchParams.get('success'), 'false', 'the second payment is not taken');
    assertProblem(await startPurchase(product), 409, 'resource-invalid-state', 'PRODUCT_ALREADY_PURCHASED');
    const policies = [...sandbox.sandbox.store.policies.values()].filter((p) => p.proposalProductId === product.id);
    assert.equal(policies.length, 1);
  });

  it('concurrent purchases and approvals of one product make exactly one policy', async () => {
    const product = productWith('ASYNC_3D_SECURE');
    const sessions = await Promise.all(Array.from({ length: 6 }, () => startPurchase(product)));
    for (const s of sessions) assert.equal(s.status, 200);
    const answers = await Promise.all(sessions.map((s) => decide(s.body.redirectUrl, 'approve')));
    const outcomes = answers.map((a) => new URL(a.headers.get('location')!).searchParams.get('success'));
    assert.equal(outcomes.filter((o) => o === 'true').length, 1);
    assert.equal(outcomes.filter((o) => o === 'false').length, 5);
    const policies = [...sandbox.sandbox.store.policies.values()].filter((p) => p.proposalProductId === product.id);
    assert.equal(policies.length, 1);

    const syncProduct = proposal.products.find((p) => p.state === 'ACTIVE' && p.supportedPaymentOptions.includes('SYNC_CREDIT_CARD') && !taken.has(p.id))!;
    taken.add(syncProduct.id);
    const body = { $type: 'credit-card', card: card(), proposalId: proposal.proposalId, proposalProductId: syncProduct.id, installmentNumber: 1 };
    const syncAnswers = await Promise.all(Array.from({ length: 5 }, () => api.post(`${path(syncProduct)}/purchase/sync`, body)));
    assert.equal(syncAnswers.filter((a) => a.status === 200).length, 1);
    for (const a of syncAnswers.filter((x) => x.status !== 200)) assertProblem(a, 409, 'resource-invalid-state', 'PRODUCT_ALREADY_PURCHASED');
  });

  it('purchase/sync gives a policy at once', async () => {
    const product = productWith('SYNC_CREDIT_CARD');
    const answer = await api.post(`${path(product)}/purchase/sync`, {
      $type: 'credit-card', card: card(), proposalId: proposal.proposalId, proposalProductId: product.id, installmentNumber: 6,
    });
    assert.equal(answer.status, 200);
    const policy = await api.get(`/api/policies/${answer.body.policyId}`);
    assert.equal(policy.body.paymentType, 'SYNC_CREDIT_CARD');
    assert.equal(policy.body.installmentNumber, 6);
  });

  it('the insurer page checks its own card form and keeps the product until a valid card', async () => {
    const product = productWith('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const { body } = await startPurchase(product, 'insurance-company-redirect');
    const page = await fetch(body.redirectUrl);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(page.headers.get('content-security-policy') ?? '', /form-action 'self' https:\/\/agency\.example/);
    // An empty inline icon (allowed by img-src data:), so the browser asks for no /favicon.ico.
    assert.match(await page.text(), /<link rel="icon" href="data:,">/);
    const bad = await decide(body.redirectUrl, 'approve', { cardNumber: '4111111111111112', cardExpiry: '01/20', cvc: '1', holderName: 'A' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /Kart numarası geçersiz/);
    assert.doesNotMatch(html, /4111111111111112/, 'the card number is not echoed back');
    assert.equal((await api.get(path(product))).body.state, 'ACTIVE');
    const good = await decide(body.redirectUrl, 'approve', { cardNumber: '5555 5555 5555 4444', cardExpiry: '12/39', cvc: '321', holderName: 'Ali Veli' });
    assert.equal(good.status, 303);
    assert.equal(new URL(good.headers.get('location')!).searchParams.get('success'), 'true');
  });

  it('refuses robot products, unsupported payment types, missing instalments, bad cards and unsettled products', async () => {
    const robot = proposal.products.find((p) => p.productType === 'ROBOT' && p.state === 'ACTIVE');
    if (robot) assertProblem(await startPurchase(robot), 409, 'resource-invalid-state', 'PRODUCT_IS_ROBOT');
    const noThreeD = proposal.products.find((p) => p.state === 'ACTIVE' && p.productType === 'WEB_SERVICE' && !p.supportedPaymentOptions.includes('ASYNC_3D_SECURE') && !taken.has(p.id))!;
    assertProblem(await startPurchase(noThreeD, '3d-secure'), 400, 'business-validation', 'PAYMENT_TYPE_NOT_SUPPORTED');
    const some = proposal.products.find((p) => p.state === 'ACTIVE' && p.productType === 'WEB_SERVICE' && p.supportedPaymentOptions.includes('ASYNC_THIRD_PARTY_3D_SECURE') && !taken.has(p.id))!;
    assertProblem(await startPurchase(some, 'third-party-3d-secure', { installmentNumber: 12 }), 400, 'business-validation', 'INSTALLMENT_NOT_AVAILABLE');
    const luhn = await startPurchase(some, 'third-party-3d-secure', { card: card({ number: '4111111111111112' }) });
    assertProblem(luhn, 400, 'input-validation');
    assert.equal(luhn.body.validationErrors[0].propertyName, 'card.number');
    assert.equal(luhn.body.validationErrors[0].attemptedValue, '************1112', 'the card number is masked');
    const expired = await startPurchase(some, 'third-party-3d-secure', { card: card({ expiryMonth: '01', expiryYear: '2020' }) });
    assertProblem(expired, 400, 'input-validation');
    assert.match(expired.body.validationErrors[0].errorMessage, /geçmiş/);
    const otherId = proposal.products.find((p) => p.id !== some.id)!.id;
    const mismatch = await startPurchase(some, 'third-party-3d-secure', { proposalProductId: otherId });
    assertProblem(mismatch, 400, 'input-validation');

    // A fresh proposal's products are still WAITING right after creation.
    const second = new Api(sandbox.url);
    const setup = await customerWithVehicle(second, 'payments-waiting');
    const waitingId = await createKaskoProposal(second, setup.customerId, setup.vehicleId, setup.catalog);
    const waiting = (await second.get(`/api/proposals/${waitingId}`)).body;
    assert.equal(waiting.state, 'WAITING');
    const first = waiting.products.find((p: Product) => p.productType === 'WEB_SERVICE' && p.state === 'WAITING');
    const answer = await second.post(`/api/proposals/${waitingId}/products/${first.id}/purchase/async`, {
      $type: 'third-party-3d-secure', card: card(), proposalId: waitingId, proposalProductId: first.id, installmentNumber: 1, callbackUrl: CALLBACK,
    });
    assertProblem(answer, 409, 'resource-invalid-state', 'PRODUCT_NOT_ACTIVE');
    // Someone else's proposal is not found at all.
    assertProblem(await api.get(`/api/proposals/${waitingId}`), 404, 'resource-not-found', 'PROPOSAL_NOT_FOUND');
    await settledProposal(second, waitingId);
  });

  it('retry re-runs a FAILED product and a transient failure then succeeds', async () => {
    // The flaky insurer (failure rate 0.3) and a few proposals make failures certain enough.
    api = new Api(sandbox.url);
    const { customerId: id, catalog } = await customerWithVehicle(api, 'retry');
    const found = await waitFor('a failed product', async () => {
      for (const entry of catalog.registry) {
        const vehicle = await api.post(`/api/customers/${id}/vehicles`, {
          customerId: id, plate: entry.plate, modelYear: entry.year, brandReference: entry.brand.value, modelTypeReference: entry.model.value,
          utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: entry.documentSerial,
        });
        const vehicleId = vehicle.status === 200 ? vehicle.body.id : (await api.get('/api/customers/me/vehicles')).body.find((v: { plate: { code: string } }) => v.plate.code === entry.plate.code).id;
        const settled = await settledProposal(api, await createKaskoProposal(api, id, vehicleId, catalog, 3));
        const failed = settled.products.filter((p: Product) => p.state === 'FAILED');
        if (failed.length) return { proposalId: settled.proposalId as string, failed: failed as Array<Product & { errorMessage: string }> };
      }
      return undefined;
    });
    for (const product of found.failed) {
      const url = `/api/proposals/${found.proposalId}/products/${product.id}`;
      assert.equal((await api.post(`${url}/retry`)).status, 204);
      assert.equal((await api.get(url)).body.state, 'WAITING');
      const settled = await waitFor('the retried product to settle', async () => {
        const p = (await api.get(url)).body;
        return p.state !== 'WAITING' ? p : undefined;
      });
      if (/yeniden deneyebilirsiniz/.test(product.errorMessage)) assert.equal(settled.state, 'ACTIVE', 'a transient failure succeeds on retry');
      else assert.equal(settled.errorMessage, product.errorMessage, 'a refusal stays a refusal');
    }
    const active = (await api.get(`/api/proposals/${found.proposalId}`)).body.products.find((p: Product) => p.state === 'ACTIVE');
    assertProblem(await api.post(`/api/proposals/${found.proposalId}/products/${active.id}/retry`), 409, 'resource-invalid-state', 'PRODUCT_NOT_FAILED');
  });

  it('an unknown or finished payment page says so', async () => {
    const unknown = await fetch(`${sandbox.url}/pay/0123456789abcdef0123456789abcdef`);
    assert.equal(unknown.status, 404);
    const text = await unknown.text();
    assert.match(text, /bulunamadı/);
    assert.match(text, /<link rel="icon" href="data:,">/);
  });
});
