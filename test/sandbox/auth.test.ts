import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeTckn, makeVkn } from '../../src/sandbox/catalog/people.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { seededRng } from '../../src/sandbox/random.js';
import { AGENT_ID, Api, assertProblem, freshIdentity, individualLogin, login, OTP, start, waitFor } from './helpers.js';

describe('sandbox auth', () => {
  let sandbox: StartedSandbox;
  let api: Api;
  before(async () => {
    sandbox = await start();
    api = new Api(sandbox.url);
  });
  after(() => sandbox.close());

  it('registers a new customer: MFA token, code in the SMS outbox, tokens, me', async () => {
    const id = freshIdentity();
    const login1 = await api.post('/api/auth/customer/login-or-register', individualLogin(id));
    assert.equal(login1.status, 200);
    assert.ok(login1.body.token.length > 20);
    const outbox = await api.get(`/sandbox/sms-outbox?phone=${id.phone}`);
    assert.equal(outbox.body.messages.length, 1);
    assert.equal(outbox.body.messages[0].code, OTP);
    assert.match(outbox.body.messages[0].text, new RegExp(OTP));
    const verified = await api.post('/api/auth/customer/verify-mfa', { token: login1.body.token, code: OTP });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.expiresIn, 600);
    assert.equal(verified.body.accessToken.split('.').length, 3, 'access tokens are JWTs');
    api.token = verified.body.accessToken;
    const me = await api.get('/api/customers/me');
    assert.equal(me.status, 200);
    assert.match(me.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(me.body.type, 'INDIVIDUAL');
    assert.equal(me.body.identityNumber, String(id.identityNumber));
    assert.equal(me.body.birthDate, id.birthDate);
    assert.match(me.body.fullName, /^\S+ \S+$/);
    assert.deepEqual(me.body.primaryPhoneNumber, { countryCode: 90, number: id.phone });
    const customers = await api.get('/sandbox/customers');
    const record = customers.body.customers.find((c: { id: string }) => c.id === me.body.id);
    assert.equal(record.agentId, AGENT_ID, 'the agent id is recorded on the customer');
    api.token = undefined;
  });

  it('recognises a returning customer by id and phone, without a birth date', async () => {
    const id = freshIdentity();
    const a = await login(new Api(sandbox.url), individualLogin(id));
    const b = await login(new Api(sandbox.url), individualLogin(id, { birthDate: undefined }));
    assert.equal(a.customerId, b.customerId);
    const other = await api.post('/api/auth/customer/login-or-register', individualLogin(id, { phoneNumber: { number: '5559998877', countryCode: 90 } }));
    assertProblem(other, 400, 'business-validation', 'PHONE_NUMBER_MISMATCH');
  });

  it('gives the same seeded name to the same identity in another sandbox with the same seed', async () => {
    const id = freshIdentity();
    const other = await start();
    try {
      const first = await login(new Api(sandbox.url), individualLogin(id));
      const otherApi = new Api(other.url);
      const second = await login(otherApi, individualLogin(id));
      const me1 = await new Api(sandbox.url).call('GET', '/api/customers/me', undefined, { Authorization: `Bearer ${first.accessToken}` });
      const me2 = await otherApi.get('/api/customers/me');
      assert.equal(me1.body.fullName, me2.body.fullName);
      assert.notEqual(first.customerId, second.customerId, 'ids are GUIDs, not derived from the identity');
    } finally {
      await other.close();
    }
  });

  it('requires a birth date to register', async () => {
    const answer = await api.post('/api/auth/customer/login-or-register', individualLogin(freshIdentity(), { birthDate: undefined }));
    assertProblem(answer, 400, 'business-validation', 'BIRTH_DATE_REQUIRED');
  });

  it('refuses a wrong TCKN checksum, a foreign country code and a non-mobile number, masking what was sent', async () => {
    const id = freshIdentity();
    const text = String(id.identityNumber);
    // The last digit is a checksum: any other last digit is wrong.
    const wrong = Number(text.slice(0, 10) + String((Number(text[10]) + 1) % 10));
    const bad = individualLogin(id, {
      identityNumber: wrong,
      phoneNumber: { number: '2125551234', countryCode: 1 },
    });
    const answer = await api.post('/api/auth/customer/login-or-register', bad);
    assertProblem(answer, 400, 'input-validation');
    const byName = Object.fromEntries(answer.body.validationErrors.map((e: { propertyName: string }) => [e.propertyName, e]));
    assert.ok(byName['identityNumber'], 'identityNumber is named');
    assert.ok(byName['phoneNumber.countryCode']);
    assert.ok(byName['phoneNumber.number']);
    assert.doesNotMatch(JSON.stringify(answer.body), new RegExp(String(wrong)), 'the id is masked');
    assert.doesNotMatch(JSON.stringify(answer.body), /2125551234/, 'the phone is masked');
  });

  it('logs in companies by VKN and foreigners by YKN, and refuses a YKN sent as a TCKN', async () => {
    const rng = seededRng('auth-types', Date.now());
    const company = await login(new Api(sandbox.url), {
      $type: 'company', taxNumber: Number(makeVkn(rng)), phoneNumber: { number: '5441112233', countryCode: 90 }, agentId: AGENT_ID,
    });
    const companyApi = new Api(sandbox.url);
    companyApi.token = company.accessToken;
    const me = await companyApi.get('/api/customers/me');
    assert.equal(me.body.type, 'COMPANY');
    assert.match(me.body.title, /A\.Ş\.$/);
    const ykn = Number(makeTckn(rng, '99'));
    const foreign = await login(new Api(sandbox.url), {
      $type: 'foreign', identityNumber: ykn, birthDate: '1990-02-03', phoneNumber: { number: '5441112234', countryCode: 90 }, agentId: AGENT_ID,
    });
    assert.ok(foreign.accessToken);
    const asIndividual = await api.post('/api/auth/customer/login-or-register', {
      $type: 'individual', identityNumber: ykn, birthDate: '1990-02-03', phoneNumber: { number: '5441112235', countryCode: 90 }, agentId: AGENT_ID,
    });
    assertProblem(asIndividual, 400, 'input-validation');
    const vkn = makeVkn(rng);
    const wrongCheckDigit = Number(vkn.slice(0, 9) + String((Number(vkn[9]) + 1) % 10));
    const badVkn = await api.post('/api/auth/customer/login-or-register', {
      $type: 'company', taxNumber: wrongCheckDigit, phoneNumber: { number: '5441112236', countryCode: 90 }, agentId: AGENT_ID,
    });
    assertProblem(badVkn, 400, 'input-validation');
  });

  it('sends 6 random digits when no code is fixed, latest first in the outbox', async () => {
    const random = await start({ otp: undefined });
    try {
      const randomApi = new Api(random.url);
      const id = freshIdentity();
      await randomApi.post('/api/auth/customer/login-or-register', individualLogin(id));
      const second = await randomApi.post('/api/auth/customer/login-or-register', individualLogin(id));
      const outbox = await randomApi.get(`/sandbox/sms-outbox?phone=0${id.phone}`);
      assert.equal(outbox.body.messages.length, 2);
      for (const m of outbox.body.messages) assert.match(m.code, /^\d{6}$/);
      const latest = outbox.body.messages[0].code;
      const earlier = outbox.body.messages[1].code;
      const ok = await randomApi.post('/api/auth/customer/verify-mfa', { token: second.body.token, code: latest });
      assert.equal(ok.status, 200);
      if (earlier !== latest) {
        const again = await randomApi.post('/api/auth/customer/verify-mfa', { token: second.body.token, code: earlier });
        assertProblem(again, 400, 'business-validation', 'MFA_TOKEN_EXPIRED');
      }
    } finally {
      await random.close();
    }
  });

  it('a new code request retires the earlier MFA token', async () => {
    const id = freshIdentity();
    const first = await api.post('/api/auth/customer/login-or-register', individualLogin(id));
    await api.post('/api/auth/customer/login-or-register', individualLogin(id));
    const answer = await api.post('/api/auth/customer/verify-mfa', { token: first.body.token, code: OTP });
    assertProblem(answer, 400, 'business-validation', 'MFA_TOKEN_EXPIRED');
  });

  it('burns the MFA token after five wrong codes', async () => {
    const id = freshIdentity();
    const { body } = await api.post('/api/auth/customer/login-or-register', individualLogin(id));
    for (let i = 1; i <= 4; i++) {
      const wrong = await api.post('/api/auth/customer/verify-mfa', { token: body.token, code: '000000' });
      assertProblem(wrong, 400, 'business-validation', 'MFA_CODE_INVALID');
      assert.match(wrong.body.detail, new RegExp(`${5 - i}`));
    }
    const fifth = await api.post('/api/auth/customer/verify-mfa', { token: body.token, code: '000000' });
    assertProblem(fifth, 400, 'business-validation', 'MFA_TOO_MANY_ATTEMPTS');
    const right = await api.post('/api/auth/customer/verify-mfa', { token: body.token, code: OTP });
    assertProblem(right, 400, 'business-validation', 'MFA_TOKEN_EXPIRED');
    const unknown = await api.post('/api/auth/customer/verify-mfa', { token: 'no-such-token', code: OTP });
    assertProblem(unknown, 400, 'business-validation', 'MFA_TOKEN_INVALID');
  });

  it('rotates refresh tokens and revokes the login when an old one comes back', async () => {
    const a = new Api(sandbox.url);
    const tokens = await login(a, individualLogin(freshIdentity()));
    const refreshed = await a.post('/api/auth/customer/refresh', { refreshToken: tokens.refreshToken });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refreshToken, tokens.refreshToken);
    assert.notEqual(refreshed.body.accessToken, tokens.accessToken);
    assert.equal(refreshed.body.expiresIn, 600);
    a.token = refreshed.body.accessToken;
    assert.equal((await a.get('/api/customers/me')).status, 200);

    const reused = await a.post('/api/auth/customer/refresh', { refreshToken: tokens.refreshToken });
    assertProblem(reused, 401, 'unauthorized', 'REFRESH_TOKEN_REUSED');
    // The whole family is gone: the newest refresh token and every access token.
    const newest = await a.post('/api/auth/customer/refresh', { refreshToken: refreshed.body.refreshToken });
    assertProblem(newest, 401, 'unauthorized', 'REFRESH_TOKEN_REVOKED');
    assertProblem(await a.get('/api/customers/me'), 401, 'unauthorized', 'TOKEN_REVOKED');

    const unknown = await a.post('/api/auth/customer/refresh', { refreshToken: 'nope' });
    assertProblem(unknown, 401, 'unauthorized', 'REFRESH_TOKEN_INVALID');
  });

  it('revoking one login leaves the customer\'s other logins alone', async () => {
    const id = freshIdentity();
    const phone1 = new Api(sandbox.url);
    const phone2 = new Api(sandbox.url);
    const first = await login(phone1, individualLogin(id));
    await login(phone2, individualLogin(id, { birthDate: undefined }));
    await phone1.post('/api/auth/customer/refresh', { refreshToken: first.refreshToken });
    await phone1.post('/api/auth/customer/refresh', { refreshToken: first.refreshToken });
    assert.equal((await phone1.get('/api/customers/me')).status, 401);
    assert.equal((await phone2.get('/api/customers/me')).status, 200);
  });

  it('expires access tokens after tokenTtl, and refresh brings a working one', async () => {
    const a = new Api(sandbox.url);
    const set = await a.post('/sandbox/config', { tokenTtl: 1 });
    assert.equal(set.body.tokenTtl, 1);
    try {
      const tokens = await login(a, individualLogin(freshIdentity()));
      assert.equal(tokens.expiresIn, 1);
      const expired = await waitFor('the access token to expire', async () => {
        const me = await a.get('/api/customers/me');
        return me.status === 401 ? me : undefined;
      });
      assertProblem(expired, 401, 'unauthorized', 'TOKEN_EXPIRED');
      assert.match(expired.headers.get('www-authenticate') ?? '', /Bearer/);
      const refreshed = await a.post('/api/auth/customer/refresh', { refreshToken: tokens.refreshToken });
      assert.equal(refreshed.status, 200);
      a.token = refreshed.body.accessToken;
      assert.equal((await a.get('/api/customers/me')).status, 200);
    } finally {
      await a.post('/sandbox/config', { tokenTtl: 600 });
    }
  });

  it('expires every access token issued so far on request, and only those; refresh still works', async () => {
    const a = new Api(sandbox.url);
    const b = new Api(sandbox.url);
    const first = await login(a, individualLogin(freshIdentity()));
    await login(b, individualLogin(freshIdentity()));
    assert.equal((await a.get('/api/customers/me')).status, 200);
    const expire = await a.post('/sandbox/expire-access-tokens', {});
    assert.equal(expire.status, 200);
    assert.ok(expire.body.expired >= 2, `expired ${expire.body.expired}`);
    assertProblem(await a.get('/api/customers/me'), 401, 'unauthorized', 'TOKEN_EXPIRED');
    assertProblem(await b.get('/api/customers/me'), 401, 'unauthorized', 'TOKEN_EXPIRED');
    // A token issued afterwards, in the same second, works.
    const refreshed = await a.post('/api/auth/customer/refresh', { refreshToken: first.refreshToken });
    assert.equal(refreshed.status, 200);
    a.token = refreshed.body.accessToken;
    assert.equal((await a.get('/api/customers/me')).status, 200);
  });

  it('answers 401 without a token or with a forged one', async () => {
    const anonymous = new Api(sandbox.url);
    assertProblem(await anonymous.get('/api/customers/me'), 401, 'unauthorized', 'TOKEN_MISSING');
    const tokens = await login(new Api(sandbox.url), individualLogin(freshIdentity()));
    const [header, payload] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    anonymous.token = `${header}.${forgedPayload}.${tokens.accessToken.split('.')[2]}`;
    assertProblem(await anonymous.get('/api/customers/me'), 401, 'unauthorized', 'TOKEN_INVALID');
  });
});
