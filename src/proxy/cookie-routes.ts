/**
 * Refresh and logout, the two endpoints that use the refresh cookie. A refresh sends the
 * cookie's token upstream (once per cookie and reuse interval, see refresh.ts and
 * refresh-share.ts) and answers with the access token and the rotated cookie; logout clears it.
 * A refresh with no cookie at all answers 204 No Content: there is no session to restore, which
 * is what every first visit asks about, so it is not an error (and logs none in the browser).
 */
import { passThroughWithoutRefreshToken, upstreamFailure } from './answers.js';
import type { Bytes } from './body.js';
import { clearedRefreshCookie, hasRefreshCookie, readRefreshCookie, type CookieSettings } from './cookies.js';
import { problemResponse } from './problems.js';
import type { RefreshCoalescer, RefreshOutcome } from './refresh.js';
import type { SharedRefresh } from './refresh-share.js';
import { browserTokenResponse, tokensFrom, withClearedCookie } from './token-answers.js';
import type { UpstreamTransport } from './upstream.js';

export interface CookieRouteDeps {
  cookieSettings: CookieSettings;
  callUpstream: UpstreamTransport;
  coalescer: RefreshCoalescer;
  shared: SharedRefresh | undefined;
}

/** No refresh cookie: nothing to restore, and nothing went wrong. */
function noSession(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** A refusal and the reason for the log line. */
export type Refusal = { refused: true; status: 400 | 401; detail: string };

export function createCookieRoutes({ cookieSettings, callUpstream, coalescer, shared }: CookieRouteDeps) {
  async function refreshUpstream(cookie: string, acceptLanguage: string | null): Promise<RefreshOutcome> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (acceptLanguage) headers['accept-language'] = acceptLanguage;
    const result = await callUpstream({
      method: 'POST',
      path: '/api/auth/customer/refresh',
      query: '',
      headers,
      body: JSON.stringify({ refreshToken: cookie }),
    });
    if (!result.ok) return { ok: false, response: () => upstreamFailure(result.failure), clearCookie: false };
    if (result.status >= 200 && result.status < 300) {
      const tokens = tokensFrom(result.body);
      if (tokens) return { ok: true, tokens };
      return {
        ok: false,
        response: () => problemResponse('upstream-service', 502, 'InsurUp answered the refresh without tokens.'),
        clearCookie: false,
      };
    }
    // A refused refresh token is dead: drop the cookie with the answer.
    const dead = result.status === 400 || result.status === 401 || result.status === 403;
    return { ok: false, response: () => passThroughWithoutRefreshToken(result), clearCookie: dead };
  }

  return {
    async refresh(headers: Headers, body: Bytes): Promise<Response | Refusal> {
      const text = new TextDecoder().decode(body).trim();
      if (text !== '' && text !== '{}') {
        return { refused: true, status: 400, detail: 'Send an empty body: the refresh token travels in its cookie.' };
      }
      const cookie = readRefreshCookie(headers, cookieSettings);
      if (!cookie) {
        if (!hasRefreshCookie(headers, cookieSettings)) return noSession();
        return { refused: true, status: 401, detail: 'The refresh cookie is unreadable; log in again.' };
      }
      const language = headers.get('accept-language');
      const outcome = await coalescer.run(cookie, () =>
        shared ? shared.run(cookie, () => refreshUpstream(cookie, language)) : refreshUpstream(cookie, language),
      );
      if (outcome.ok) return browserTokenResponse(outcome.tokens, cookieSettings);
      const response = outcome.response();
      return outcome.clearCookie ? withClearedCookie(response, cookieSettings) : response;
    },

    async logout(headers: Headers): Promise<Response> {
      const cookie = readRefreshCookie(headers, cookieSettings);
      if (cookie) {
        coalescer.forget(cookie);
        await shared?.forget(cookie);
      }
      const out = new Headers({ 'cache-control': 'no-store' });
      out.append('set-cookie', clearedRefreshCookie(cookieSettings));
      return new Response(null, { status: 204, headers: out });
    },
  };
}
