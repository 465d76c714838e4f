/**
 * The API client against a scripted fetch: refresh (one in flight, ahead of expiry), retries
 * (GETs only, with backoff, at most 3), timeouts and cancellation through AbortSignal,
 * contract errors for malformed answers and localized messages that show InsurUp's `detail`.
 */
import { expect } from '@open-wc/testing';
import { InsurUpClient, SESSION_EXPIRED, AUTH_CHANGE } from '../../../src/widget/api/client.js';
import { errorMessage, InsurUpError } from '../../../src/widget/api/errors.js';
import { CUSTOMER, FakeFetch, json, never, problem } from './fake-fetch.js';

const BASE = 'http://proxy.test/insurup';
const REFRESH = '/insurup/api/auth/customer/refresh';
const ME = '/insurup/api/customers/me';

function client(fake: FakeFetch, extra: Partial<ConstructorParameters<typeof InsurUpClient>[0]> = {}) {
  return new InsurUpClient({ baseUrl: BASE, fetch: fake.fetch, retryBaseMs: 1, ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<InsurUpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InsurUpError);
    return error as InsurUpError;
  }
  throw new Error('expected a rejection');
}

describe('InsurUpClient: refresh', () => {
  it('refreshes once for many concurrent 401s and retries each call with the new token', async () => {
    const fake = new FakeFetch();
    let release!: () => void;
    const refreshed = new Promise<void>((resolve) => (release = resolve));
    fake
      .on('POST', REFRESH, async () => {
        await refreshed;
        return json(200, { accessToken: 'new-token', expiresIn: 600 });
      })
      .on('GET', ME, (call) =>
        call.headers.get('authorization') === 'Bearer new-token' ? json(200, CUSTOMER) : problem(401, 'unauthorized'),
      );
    const api = client(fake);
    api.acceptTokens({ accessToken: 'old-token', expiresIn: 600 });
    const calls = [1, 2, 3, 4].map(() => api.request('getMe', {}));
    // Let every call reach its 401 before the refresh answers.
    while (fake.callsTo(ME).length < 4) await new Promise((r) => setTimeout(r, 0));
    release();
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.id)).to.deep.equal([CUSTOMER.id, CUSTOMER.id, CUSTOMER.id, CUSTOMER.id]);
    expect(fake.callsTo(REFRESH)).to.have.length(1);
    expect(fake.callsTo(ME).filter((c) => c.headers.get('authorization') === 'Bearer new-token')).to.have.length(4);
  });

  it('does not refresh again for a 401 that answers a token another call has already replaced', async () => {
    const fake = new FakeFetch();
    let answerSlowCall!: () => void;
    const slow = new Promise<void>((resolve) => (answerSlowCall = resolve));
    fake
      .on('POST', REFRESH, () => json(200, { accessToken: 'new-token', expiresIn: 600 }))
      .on('GET', ME, async (call, nth) => {
        if (call.headers.get('authorization') === 'Bearer new-token') return json(200, CUSTOMER);
        if (nth === 0) await slow; // the first call's 401 arrives after the refresh is done
        return problem(401, 'unauthorized');
      });
    const api = client(fake);
    api.acceptTokens({ accessToken: 'old-token', expiresIn: 600 });
    const first = api.request('getMe', {});
    await new Promise((r) => setTimeout(r, 0));
    await api.request('getMe', {}); // 401, refresh, retry
    answerSlowCall();
    await first;
    expect(fake.callsTo(REFRESH)).to.have.length(1);
  });

  it('refreshes ahead of the request within 60 s of expiry', async () => {
    const fake = new FakeFetch();
    fake
      .on('POST', REFRESH, () => json(200, { accessToken: 'fresh', expiresIn: 600 }))
      .on('GET', ME, () => json(200, CUSTOMER));
    let now = 1_000_000;
    const api = client(fake, { now: () => now });
    api.acceptTokens({ accessToken: 'first', expiresIn: 600 });
    await api.request('getMe', {});
    expect(fake.callsTo(REFRESH)).to.have.length(0);
    now += 541_000; // 59 s left
    await api.request('getMe', {});
    expect(fake.callsTo(REFRESH)).to.have.length(1);
    expect(fake.callsTo(ME).at(-1)!.headers.get('authorization')).to.equal('Bearer fresh');
  });

  it('keeps a short-lived token for the first half of its life', async () => {
    const fake = new FakeFetch();
    fake
      .on('POST', REFRESH, () => json(200, { accessToken: 'fresh', expiresIn: 2 }))
      .on('GET', ME, () => json(200, CUSTOMER));
    let now = 0;
    const api = client(fake, { now: () => now });
    api.acceptTokens({ accessToken: 'first', expiresIn: 2 });
    now = 900;
    await api.request('getMe', {});
    expect(fake.callsTo(REFRESH)).to.have.length(0);
    now = 1_100;
    await api.request('getMe', {});
    expect(fake.callsTo(REFRESH)).to.have.length(1);
  });

  it('ends the session when the refresh is refused: unauthorized, and a session-expired event', async () => {
    const fake = new FakeFetch();
    fake.on('POST', REFRESH, () => problem(401, 'unauthorized')).on('GET', ME, () => problem(401, 'unauthorized'));
    const api = client(fake);
    api.acceptTokens({ accessToken: 'revoked', expiresIn: 600 });
    let expired = 0;
    api.addEventListener(SESSION_EXPIRED, () => expired++);
    const error = await rejection(api.request('getMe', {}));
    expect(error.kind).to.equal('unauthorized');
    expect(api.isAuthenticated).to.equal(false);
    expect(expired).to.equal(1);
    expect(errorMessage(error, 'tr')).to.equal('Oturumunuzun süresi doldu. Lütfen tekrar giriş yapın.');
  });

  it('answers "not logged in" without a request when there is no session to refresh', async () => {
    const fake = new FakeFetch();
    // The proxy answers 204 No Content when the page has no refresh cookie at all.
    fake.on('POST', REFRESH, () => new Response(null, { status: 204 }));
    const api = client(fake);
    const error = await rejection(api.request('getMe', {}));
    expect(error.kind).to.equal('unauthorized');
    expect(fake.callsTo(ME)).to.have.length(0);
    expect(await api.refreshAccessToken()).to.equal(false);
    expect(api.isAuthenticated).to.equal(false);
  });

  it('ends a session whose cookie is gone (204): no token kept, a session-expired event', async () => {
    const fake = new FakeFetch();
    fake.on('POST', REFRESH, () => new Response(null, { status: 204 })).on('GET', ME, () => problem(401, 'unauthorized'));
    const api = client(fake);
    api.acceptTokens({ accessToken: 'cookie-cleared-elsewhere', expiresIn: 600 });
    let expired = 0;
    api.addEventListener(SESSION_EXPIRED, () => expired++);
    const error = await rejection(api.request('getMe', {}));
    expect(error.kind).to.equal('unauthorized');
    expect(api.isAuthenticated).to.equal(false);
    expect(expired).to.equal(1);
  });

  it('sends the refresh with the cookie and an empty body, other calls without cookies', async () => {
    const fake = new FakeFetch();
    const credentials: Array<RequestCredentials | undefined> = [];
    const recording: typeof fetch = (input, init) => {
      credentials.push(init?.credentials);
      return fake.fetch(input, init);
    };
    fake.on('POST', REFRESH, () => json(200, { accessToken: 'a', expiresIn: 600 })).on('GET', ME, () => json(200, CUSTOMER));
    const api = new InsurUpClient({ baseUrl: BASE, fetch: recording });
    let changes = 0;
    api.addEventListener(AUTH_CHANGE, () => changes++);
    expect(await api.refreshAccessToken()).to.equal(true);
    await api.request('getMe', {});
    expect(credentials).to.deep.equal(['include', 'omit']);
    expect(fake.callsTo(REFRESH)[0]!.body).to.equal(undefined);
    expect(changes).to.equal(1);
  });
});

describe('InsurUpClient: retries', () => {
  it('retries a GET after network errors and 5xx answers, with backoff, and succeeds', async () => {
    const fake = new FakeFetch();
    fake.on('GET', '/insurup/api/vehicle-parameters/brands', (_call, nth) => {
      if (nth === 0) throw new TypeError('Failed to fetch');
      if (nth === 1) return problem(503, 'upstream-service');
      return json(200, [{ value: '1', text: 'Fiat' }]);
    });
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const brands = await api.request('listVehicleBrands', {});
    expect(brands).to.deep.equal([{ value: '1', text: 'Fiat' }]);
    expect(fake.calls).to.have.length(3);
  });

  it('gives up on a GET after 3 retries (4 attempts) and says the server failed', async () => {
    const fake = new FakeFetch();
    fake.on('GET', '/insurup/api/vehicle-parameters/brands', () => problem(500, 'upstream-service'));
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const error = await rejection(api.request('listVehicleBrands', {}));
    expect(fake.calls).to.have.length(4);
    expect(error.status).to.equal(500);
    expect(error.retryable).to.equal(true);
  });

  it('never retries a POST, neither after a 5xx nor after a network error', async () => {
    const fake = new FakeFetch();
    fake.on('POST', '/insurup/api/proposals', () => problem(503, 'upstream-service'));
    fake.on('POST', '/insurup/api/auth/customer/login-or-register', () => {
      throw new TypeError('Failed to fetch');
    });
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const body = {
      $type: 'kasko',
      productBranch: 'KASKO',
      vehicleId: 'v1',
      insurerCustomerId: CUSTOMER.id,
      insuredCustomerId: CUSTOMER.id,
      coverageGroupIds: ['0123456789abcdef01234567'],
      channel: 'WEBSITE',
    } as never;
    expect((await rejection(api.request('createProposal', { body }))).status).to.equal(503);
    const login = await rejection(
      api.request('loginOrRegister', {
        body: { $type: 'individual', identityNumber: 10000000146, phoneNumber: { number: '5321234567', countryCode: 90 } },
      }),
    );
    expect(login.kind).to.equal('network');
    expect(fake.calls).to.have.length(2);
  });

  it('does not retry a 4xx', async () => {
    const fake = new FakeFetch();
    fake.on('GET', ME, () => problem(404, 'resource-not-found', 'Müşteri bulunamadı.'));
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const error = await rejection(api.request('getMe', {}));
    expect(fake.calls).to.have.length(1);
    expect(error.retryable).to.equal(false);
  });
});

describe('InsurUpClient: timeouts and cancellation', () => {
  it('times out through an AbortSignal and reports a timeout', async () => {
    const fake = new FakeFetch();
    fake.on('POST', '/insurup/api/auth/customer/verify-mfa', () => never());
    const api = client(fake, { timeoutMs: 30 });
    const error = await rejection(api.request('verifyMfa', { body: { token: 'm', code: '123456' } }));
    expect(error.kind).to.equal('timeout');
    expect(fake.calls[0]!.signal!.aborted).to.equal(true);
    expect(errorMessage(error, 'en')).to.equal('The request timed out. Please try again.');
  });

  it('passes the caller’s cancellation to fetch and reports it as aborted, without retrying', async () => {
    const fake = new FakeFetch();
    fake.on('GET', ME, () => never());
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const controller = new AbortController();
    const pending = api.request('getMe', {}, { signal: controller.signal });
    while (fake.calls.length === 0) await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const error = await rejection(pending);
    expect(error.kind).to.equal('aborted');
    expect(fake.calls).to.have.length(1);
  });
});

describe('InsurUpClient: answers', () => {
  it('turns a malformed answer into a contract error', async () => {
    const fake = new FakeFetch();
    fake.on('GET', ME, () => json(200, { id: CUSTOMER.id, type: 'ALIEN' }));
    const api = client(fake, { retries: 0 });
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const error = await rejection(api.request('getMe', {}));
    expect(error.kind).to.equal('contract');
    expect(error.message).to.contain('type');
    expect(errorMessage(error, 'tr')).to.equal('Sunucudan beklenmeyen bir yanıt geldi. Lütfen tekrar deneyin.');
  });

  it('turns a non-JSON answer into a contract error', async () => {
    const fake = new FakeFetch();
    fake.on('GET', ME, () => new Response('<html>gateway</html>', { status: 200 }));
    const api = client(fake, { retries: 0 });
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    expect((await rejection(api.request('getMe', {}))).kind).to.equal('contract');
  });

  it('shows InsurUp’s own detail, and a localized sentence when there is none', async () => {
    const fake = new FakeFetch();
    fake
      .on('POST', '/insurup/api/auth/customer/verify-mfa', () =>
        problem(400, 'business-validation', 'Doğrulama kodu hatalı.', { codes: ['MFA_CODE_INVALID'] }),
      )
      .on('POST', '/insurup/api/auth/customer/login-or-register', () =>
        problem(429, 'rate-limited', 'Too many requests; try again later.', {}),
      );
    const api = client(fake);
    const wrong = await rejection(api.request('verifyMfa', { body: { token: 'm', code: '000000' } }));
    expect(wrong.code).to.equal('MFA_CODE_INVALID');
    expect(errorMessage(wrong, 'tr')).to.equal('Doğrulama kodu hatalı.');
    // The English UI says what happened in English, and keeps InsurUp's Turkish detail after it.
    expect(errorMessage(wrong, 'en')).to.equal('Please check the information you entered. (Doğrulama kodu hatalı.)');
    const limited = await rejection(
      api.request('loginOrRegister', {
        body: { $type: 'individual', identityNumber: 10000000146, phoneNumber: { number: '5321234567', countryCode: 90 } },
      }),
    );
    expect(errorMessage(limited, 'tr')).to.equal('Çok fazla deneme yaptınız. Lütfen 60 saniye sonra tekrar deneyin.');
    expect(errorMessage(limited, 'en')).to.contain('60 seconds');
  });

  it('says a long rate-limit wait in minutes, not thousands of seconds, and offers no Retry that would fail again', async () => {
    // The proxy's login limit (per phone and per address, an hour) answers with Retry-After.
    const fake = new FakeFetch();
    fake.on('POST', '/insurup/api/auth/customer/login-or-register', () =>
      json(429, { type: 'https://api.insurup.com/problems/rate-limited', title: 'rate-limited', status: 429 }, { 'retry-after': '2517' }),
    );
    const limited = await rejection(
      client(fake).request('loginOrRegister', {
        body: { $type: 'individual', identityNumber: 10000000146, phoneNumber: { number: '5321234567', countryCode: 90 } },
      }),
    );
    expect(errorMessage(limited, 'tr')).to.equal('Çok fazla deneme yaptınız. Lütfen 42 dakika sonra tekrar deneyin.');
    expect(errorMessage(limited, 'en')).to.equal('Too many attempts. Please try again in 42 minutes.');
    expect(limited.retryable).to.equal(false);
  });

  it('never shows the proxy’s developer text or a server failure’s detail to a customer', async () => {
    const fake = new FakeFetch();
    fake
      .on('GET', ME, () => problem(502, 'upstream-service', 'InsurUp could not be reached.', {}))
      .on('POST', '/insurup/api/proposals', () => problem(413, 'payload-too-large', 'Request body over 65536 bytes.', {}));
    const api = client(fake, { retries: 0 });
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const down = await rejection(api.request('getMe', {}));
    expect(errorMessage(down, 'tr')).to.equal('Sunucuda bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.');
    const tooLarge = await rejection(
      api.request('createProposal', {
        body: {
          $type: 'tss', productBranch: 'TSS', insurerCustomerId: 'c', insuredCustomerId: 'c',
          coverageGroupIds: ['65a1f0c2e4b0a1b2c3d4e5f6'], channel: 'WEBSITE',
        },
      }),
    );
    expect(errorMessage(tooLarge, 'tr')).to.equal('Beklenmeyen bir hata oluştu. Lütfen tekrar deneyin.');
  });

  it('sends the UI language so problem details come back localized', async () => {
    const fake = new FakeFetch();
    fake.on('GET', ME, () => json(200, CUSTOMER));
    let lang = 'tr';
    const api = client(fake, { lang: () => lang });
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    await api.request('getMe', {});
    lang = 'en';
    await api.request('getMe', {});
    expect(fake.calls.map((c) => c.headers.get('accept-language'))).to.deep.equal(['tr', 'en']);
  });

  it('rejects GraphQL errors in a 200 answer', async () => {
    const fake = new FakeFetch();
    fake.on('POST', '/insurup/graphql', () => json(200, { data: null, errors: [{ message: 'boom' }] }));
    const api = client(fake);
    api.acceptTokens({ accessToken: 't', expiresIn: 600 });
    const error = await rejection(
      api.graphql('OpenSaleOpportunityCases', { customerId: CUSTOMER.id, productBranch: 'KASKO' }),
    );
    expect(error.kind).to.equal('graphql');
  });
});
