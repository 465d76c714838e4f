/**
 * The page-wide login for one proxy URL: one API client, the access token (in the client's
 * memory) and the customer. Every flow and every separately placed element that uses the
 * same proxy shares it, so a customer logs in once per page.
 */
import type { Customer } from '../../contract/index.js';
import { AUTH_CHANGE, InsurUpClient, SESSION_EXPIRED } from '../api/client.js';
import { isAbort } from '../api/errors.js';

export type AuthStatus = 'unknown' | 'restoring' | 'anonymous' | 'authenticated';

export const AUTH_SESSION_CHANGE = 'change';

export class AuthSession extends EventTarget {
  status: AuthStatus = 'unknown';
  customer: Customer | null = null;
  private restoring: Promise<void> | null = null;

  constructor(readonly client: InsurUpClient) {
    super();
    client.addEventListener(SESSION_EXPIRED, () => this.setAnonymous());
    client.addEventListener(AUTH_CHANGE, () => {
      if (!client.isAuthenticated && this.status === 'authenticated') this.setAnonymous();
    });
  }

  get isAuthenticated(): boolean {
    return this.status === 'authenticated' && this.client.isAuthenticated;
  }

  /**
   * Once per page: a silent cookie refresh, then the customer. Ends `authenticated` or
   * `anonymous`; a network failure also ends anonymous (the login form then offers retry).
   */
  restore(): Promise<void> {
    if (this.status === 'authenticated' || this.status === 'anonymous') return Promise.resolve();
    this.restoring ??= (async () => {
      this.set('restoring');
      try {
        if (await this.client.refreshAccessToken()) {
          await this.loadCustomer();
          this.set('authenticated');
          return;
        }
      } catch (error) {
        if (isAbort(error)) return;
      }
      this.setAnonymous();
    })().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  /** After verify-mfa: keep the access token, load the customer. */
  async completeLogin(tokens: { accessToken: string; expiresIn?: number | undefined }): Promise<Customer> {
    this.client.acceptTokens(tokens);
    const customer = await this.loadCustomer();
    this.set('authenticated');
    return customer;
  }

  async loadCustomer(signal?: AbortSignal): Promise<Customer> {
    this.customer = await this.client.request('getMe', {}, signal ? { signal } : {});
    this.dispatchEvent(new Event(AUTH_SESSION_CHANGE));
    return this.customer;
  }

  async logout(): Promise<void> {
    try {
      await this.client.logout();
    } finally {
      this.setAnonymous();
    }
  }

  subscribe(listener: () => void): () => void {
    this.addEventListener(AUTH_SESSION_CHANGE, listener);
    return () => this.removeEventListener(AUTH_SESSION_CHANGE, listener);
  }

  private setAnonymous(): void {
    this.customer = null;
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
