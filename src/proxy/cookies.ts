/**
 * The refresh-token cookie: HttpOnly (no JavaScript ever reads it), Secure, SameSite=Strict,
 * and scoped to the auth path so it travels only with refresh and logout.
 */
import { AUTH_COOKIE_SCOPE } from './allowlist.js';

/** (design) InsurUp refresh tokens live 30 days. */
const REFRESH_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface CookieSettings {
  secureCookies: boolean;
  publicPath: string;
}

/** `__Secure-` makes browsers refuse the cookie unless it is Secure and set over a secure origin. */
function refreshCookieName(settings: CookieSettings): string {
  return settings.secureCookies ? '__Secure-insurup-refresh' : 'insurup-refresh';
}

function attributes(settings: CookieSettings, maxAge: number): string {
  return [
    `Path=${settings.publicPath}${AUTH_COOKIE_SCOPE}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    ...(settings.secureCookies ? ['Secure'] : []),
    'SameSite=Strict',
  ].join('; ');
}

export function refreshCookie(token: string, settings: CookieSettings): string {
  return `${refreshCookieName(settings)}=${encodeURIComponent(token)}; ${attributes(settings, REFRESH_COOKIE_MAX_AGE_SECONDS)}`;
}

export function clearedRefreshCookie(settings: CookieSettings): string {
  return `${refreshCookieName(settings)}=; ${attributes(settings, 0)}`;
}

/**
 * Whether the request carries the refresh cookie at all, readable or not. A request without it
 * has no session to restore; one with an empty or malformed value had one that is broken.
 */
export function hasRefreshCookie(headers: Headers, settings: CookieSettings): boolean {
  const name = refreshCookieName(settings);
  return (headers.get('cookie') ?? '').split(';').some((pair) => {
    const eq = pair.indexOf('=');
    return eq >= 0 && pair.slice(0, eq).trim() === name;
  });
}

export function readRefreshCookie(headers: Headers, settings: CookieSettings): string | undefined {
  const name = refreshCookieName(settings);
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    try {
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (value) return value;
    } catch {
      // a malformed value is no token
    }
  }
  return undefined;
}
