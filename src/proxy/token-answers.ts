/**
 * verify-mfa and refresh answers: the refresh token is taken out of the JSON and set as the
 * HttpOnly cookie, so the page's JavaScript only ever holds the short-lived access token.
 */
import { jsonObject } from './body.js';
import { clearedRefreshCookie, refreshCookie, type CookieSettings } from './cookies.js';
import type { RefreshTokens } from './refresh.js';

export function tokensFrom(body: Uint8Array): RefreshTokens | undefined {
  const parsed = jsonObject(body);
  const { accessToken, refreshToken, expiresIn } = parsed ?? {};
  if (typeof accessToken !== 'string' || !accessToken || typeof refreshToken !== 'string' || !refreshToken) return undefined;
  return { accessToken, refreshToken, ...(typeof expiresIn === 'number' && expiresIn > 0 ? { expiresIn } : {}) };
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** `{ accessToken, expiresIn }` plus the rotated cookie. */
export function browserTokenResponse(tokens: RefreshTokens, settings: CookieSettings): Response {
  const body = JSON.stringify({
    accessToken: tokens.accessToken,
    ...(tokens.expiresIn === undefined ? {} : { expiresIn: tokens.expiresIn }),
  });
  const headers = new Headers({ 'content-type': 'application/json', ...NO_STORE });
  headers.append('set-cookie', refreshCookie(tokens.refreshToken, settings));
  return new Response(body, { status: 200, headers });
}

export function withClearedCookie(response: Response, settings: CookieSettings): Response {
  response.headers.append('set-cookie', clearedRefreshCookie(settings));
  response.headers.set('cache-control', 'no-store');
  return response;
}
