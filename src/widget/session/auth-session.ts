/**
 * The page-wide login for one proxy URL: one API client, the access token (in the client's
 * memory) and the customer. Every flow and every separately placed element that uses the
 * same proxy shares it, so a customer logs in once per page.
 */
import type { Customer } from '../../contract/index.js';
import { AUTH_CHANGE, InsurUpClient, SESSION_EXPIRED } from '../api/client.js';

export type AuthStatus = 'unknown' | 'restoring' | 'anonymous' | 'authenticated';

/**
 * Why the session is anonymous: the customer logged out, the session ended and could not be
 * refreshed, or there was none to resume on page load. Flows start over after a logout or a
 * failed resume, and keep their place after an expiry (the same customer logs in again).
 */
/**
 * Why there is no session: the customer logged out, the session expired, there was none to
 * resume on page load (`restore-failed`), or resuming failed for a reason that may pass — a
 * network error, a 5xx or a 429 (`restore-error`): then the flow keeps its place and the
 * login offers to try again.
 */
export type AuthEndReason = 'logout' | 'expired' | 'restore-failed' | 'restore-error';

const AUTH_SESSION_CHANGE = 'change';

export class AuthSession extends EventTarget {
  status: AuthStatus = 'unknown';
  customer: Customer | null = null;
  /** Set whenever the status becomes `anonymous`; null while authenticated or not yet known. */
  endReason: AuthEndReason | null = null;
  private restoring: Promise<void> | null = null;
  private announced = new Set<string>();
  private endings = 0;

  constructor(readonly client: InsurUpClient) {
    super();
    client.addEventListener(SESSION_EXPIRED, () => {
      if (this.status === 'authenticated') this.setAnonymous('expired');
    });
    client.addEventListener(AUTH_CHANGE, () => {
      if (!client.isAuthenticated && this.status === 'authenticated') this.setAnonymous('expired');
    });
  }

  get isAuthenticated(): boolean {
    return this.status === 'authenticated' && this.client.isAuthenticated;
  }

  /**
   * Once per page: a silent cookie refresh, then the customer. Ends `authenticated` or
   * `anonymous`; a network failure also ends anonymous (the login form is shown; logging in
   * again works once the network is back).
   */
  restore(): Promise<void> {
    if (this.status === 'authenticated') return Promise.resolve();
    if (this.status === 'anonymous' && this.endReason !== 'restore-error') return Promise.resolve();
    this.restoring ??= (async () => {
      this.set('restoring');
      try {
        if (await this.client.refreshAccessToken()) {
          await this.loadCustomer();
          this.endReason = null;
          this.set('authenticated');
          return;
        }
      } catch {
        // The refresh or the customer could not be fetched (network, 5xx, 429): the session may
        // well be alive, so nothing is forgotten and the login offers to try again.
        this.setAnonymous('restore-error');
        return;
      }
      this.setAnonymous('restore-failed');
    })().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  /**
   * After verify-mfa: keep the access token, load the customer, become authenticated. When
   * loading the customer fails, the tokens are kept: call it again without tokens to retry.
   */
  async completeLogin(tokens?: { accessToken: string; expiresIn?: number | undefined }): Promise<Customer> {
    if (tokens) this.client.acceptTokens(tokens);
    const customer = await this.loadCustomer();
    this.endReason = null;
    this.set('authenticated');
    return customer;
  }

  async loadCustomer(signal?: AbortSignal): Promise<Customer> {
    this.customer = await this.client.request('getMe', {}, signal ? { signal } : {});
    this.dispatchEvent(new Event(AUTH_SESSION_CHANGE));
    return this.customer;
  }

  /** Ends the session. The page forgets the customer even when the proxy cannot be reached. */
  async logout(): Promise<void> {
    // Anonymous first, so the token's disappearance is not mistaken for an expiry.
    this.setAnonymous('logout');
    await this.client.logout();
  }

  /**
   * For page-wide announcements (`insurup-logout` on expiry): answers true to the first caller
   * for the current ending of the session, so several elements sharing it send one event.
   */
  claimAnnouncement(kind: string): boolean {
    const key = `${kind}:${this.endings}`;
    if (this.announced.has(key)) return false;
    this.announced.add(key);
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.addEventListener(AUTH_SESSION_CHANGE, listener);
    return () => this.removeEventListener(AUTH_SESSION_CHANGE, listener);
  }

  private setAnonymous(reason: AuthEndReason): void {
    if (this.status === 'authenticated') this.endings++;
    this.customer = null;
    this.endReason = reason;
    this.set('anonymous');
  }

  private set(status: AuthStatus): void {
    this.status = status;
    this.dispatchEvent(new Event(AUTH_SESSION_CHANGE));
  }
}

// One AuthSession per proxy URL per page. Kept on globalThis so that a second copy of the
// bundle on the same page still shares the login.
const REGISTRY = Symbol.for('insurup-elements.auth-sessions');
type Registry = Map<string, AuthSession>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/** Resolves `/insurup` against the page, so two spellings of one proxy share a session. */
export function normalizeProxyUrl(proxyUrl: string): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(proxyUrl, base).href.replace(/\/+$/, '');
}

export function authSessionFor(proxyUrl: string, lang: () => string = () => 'tr'): AuthSession {
  const key = normalizeProxyUrl(proxyUrl);
  let session = registry().get(key);
  if (!session) {
    session = new AuthSession(new InsurUpClient({ baseUrl: key, lang }));
    registry().set(key, session);
  }
  return session;
}

/** For tests: forget every page session. */
export function resetAuthSessions(): void {
  registry().clear();
}
