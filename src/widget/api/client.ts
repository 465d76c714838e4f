/**
 * The browser's InsurUp client. It talks only to the agency's token proxy (`baseUrl`), parses
 * every answer with the contract, keeps the access token in memory (the refresh token is an
 * HttpOnly cookie the page never sees), refreshes it once for all concurrent callers, retries
 * idempotent GETs with backoff, and turns every failure into a typed `InsurUpError`.
 */
import {
  buildPath,
  endpoints,
  graphqlOperations,
  ProblemDetails,
  type BrowserLoginOrRegisterRequest,
  type BrowserResponse,
  type EndpointDef,
  type EndpointId,
  type EndpointParams,
  type EndpointQuery,
  type EndpointRequest,
  type GraphqlData,
  type GraphqlOperationName,
  type GraphqlVariables,
} from '../../contract/index.js';
import { BrowserTokenResponse } from '../../contract/auth.js';
import { InsurUpError, isAbort } from './errors.js';
import { AccessToken } from './access-token.js';
import { backoffDelay, sleep } from './backoff.js';

type BrowserBody<K extends EndpointId> = K extends 'loginOrRegister'
  ? BrowserLoginOrRegisterRequest
  : EndpointRequest<K>;

/** `params`, `query` and `body` are required exactly when the endpoint has them. */
export type RequestInput<K extends EndpointId> = (EndpointParams<K> extends undefined
  ? { params?: undefined }
  : { params: EndpointParams<K> }) &
  (EndpointQuery<K> extends undefined ? { query?: undefined } : { query: EndpointQuery<K> }) &
  (BrowserBody<K> extends undefined ? { body?: undefined } : { body: BrowserBody<K> });

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (ms). */
  timeoutMs?: number;
}

export interface RequestContext {
  endpoint: EndpointId | 'refresh' | 'logout';
  url: string;
  init: RequestInit & { headers: Headers };
}
export type RequestInterceptor = (ctx: RequestContext) => RequestContext | Promise<RequestContext>;
export type ResponseInterceptor = (response: Response, ctx: RequestContext) => Response | Promise<Response>;

export interface ClientOptions {
  /** The agency proxy's base URL, e.g. `/insurup` or `https://agency.example/insurup`. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** At most this many retries of a GET after a network error or a 5xx. */
  retries?: number;
  retryBaseMs?: number;
  /** Refresh this long before the access token expires (ms). */
  refreshMarginMs?: number;
  now?: () => number;
  /** The UI language, sent as Accept-Language so problem details come localized. */
  lang?: () => string;
}

export const AUTH_CHANGE = 'auth-change';
export const SESSION_EXPIRED = 'session-expired';

const REFRESH_PATH = '/api/auth/customer/refresh';
const LOGOUT_PATH = '/api/auth/customer/logout';

export class InsurUpClient extends EventTarget {
  readonly baseUrl: string;
  readonly interceptors: { request: RequestInterceptor[]; response: ResponseInterceptor[] } = {
    request: [],
    response: [],
  };
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly token: AccessToken;
  private readonly lang: () => string;
  private refreshInFlight: Promise<boolean> | null = null;

  constructor(options: ClientOptions) {
    super();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 400;
    this.token = new AccessToken(options.now ?? Date.now, options.refreshMarginMs ?? 60_000);
    this.lang = options.lang ?? (() => 'tr');
  }

  get isAuthenticated(): boolean {
    return this.token.value !== null;
  }

  /** The SignalR hub's URL through the proxy. */
  get hubUrl(): string {
    return this.absolute(endpoints.proposalHub.path);
  }

  /** Calls one endpoint of the contract and returns its parsed answer. */
  async request<K extends EndpointId>(
    id: K,
    input: RequestInput<K>,
    options: RequestOptions = {},
  ): Promise<BrowserResponse<K>> {
    const def: EndpointDef = endpoints[id];
    let url = this.absolute(buildPath(id, input.params as never));
    if (input.query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(input.query as Record<string, unknown>)) {
        if (value !== undefined && value !== null) search.set(key, String(value));
      }
      const qs = search.toString();
      if (qs) url += `?${qs}`;
    }
    const body = input.body === undefined ? undefined : JSON.stringify(input.body);
    const isAuthCall = def.path.startsWith('/api/auth/customer/');
    const idempotent = def.method === 'GET';

    for (let attempt = 0; ; attempt++) {
      try {
        let sent = await this.send(id, def, url, body, isAuthCall, options);
        if (sent.response.status === 401 && def.auth) {
          // Revoked or expired early. When another call has already refreshed since this one
          // was sent, its new token is used as is; otherwise one refresh (shared by every call
          // that got a 401 meanwhile), then one retry.
          const renewed = this.token.value !== null && this.token.value !== sent.token;
          if (renewed || (await this.refreshAccessToken())) {
            sent = await this.send(id, def, url, body, isAuthCall, options);
          }
          if (sent.response.status === 401) {
            this.expireSession();
            throw new InsurUpError('unauthorized', 'session expired', id, 401);
          }
        }
        return (await this.parse(id, def, sent.response)) as BrowserResponse<K>;
      } catch (error) {
        const retryable =
          error instanceof InsurUpError &&
          (error.kind === 'network' || (error.kind === 'problem' && (error.status ?? 0) >= 500));
        // Only GETs are retried: a POST that reached the server may have done its work.
        if (!idempotent || !retryable || attempt >= this.retries || options.signal?.aborted) throw error;
        try {
          await sleep(backoffDelay(attempt, this.retryBaseMs), options.signal);
        } catch {
          throw new InsurUpError('aborted', 'aborted', id);
        }
      }
    }
  }

  /** Runs one of the widget's fixed GraphQL operations. */
  async graphql<K extends GraphqlOperationName>(
    name: K,
    variables: GraphqlVariables<K>,
    options: RequestOptions = {},
  ): Promise<GraphqlData<K>> {
    const operation = graphqlOperations[name];
    const answer = await this.request(
      'graphql',
      { body: { query: operation.query, operationName: name, variables: variables as Record<string, unknown> } },
      options,
    );
    if (answer.errors?.length) {
      throw new InsurUpError('graphql', answer.errors.map((e) => e.message).join('; '), 'graphql', 200);
    }
    const parsed = operation.data.safeParse(answer.data);
    if (!parsed.success) throw new InsurUpError('contract', `graphql ${name}: unexpected data`, 'graphql', 200);
    return parsed.data as GraphqlData<K>;
  }

  /** Keeps the access token from verify-mfa (the proxy has put the refresh token in a cookie). */
  acceptTokens(tokens: { accessToken: string; expiresIn?: number | undefined }): void {
    this.token.set(tokens.accessToken, tokens.expiresIn);
    this.dispatchEvent(new Event(AUTH_CHANGE));
  }

  /**
   * Gets a new access token with the HttpOnly refresh cookie. Concurrent callers share one
   * request. Resolves false when there is no valid session (no cookie: the proxy answers 204;
   * revoked, expired: 401);
   * rejects on network errors, which say nothing about the session.
   */
  refreshAccessToken(): Promise<boolean> {
    this.refreshInFlight ??= this.refreshOnce().finally(() => {
      this.refreshInFlight = null;
    });
    return this.refreshInFlight;
  }

  /** A valid access token for the SignalR hub, refreshed first when it is about to expire. */
  async getAccessToken(): Promise<string> {
    if (this.token.value === null || this.token.expiresSoon()) {
      if (!(await this.refreshAccessToken())) throw new InsurUpError('unauthorized', 'no session', 'proposalHub', 401);
    }
    return this.token.value!;
  }

  /** Ends the session: the proxy clears the refresh cookie; the access token is forgotten. */
  async logout(): Promise<void> {
    const wasAuthenticated = this.isAuthenticated;
    this.token.clear();
    try {
      await this.rawFetch('logout', this.absolute(LOGOUT_PATH), { method: 'POST', credentials: 'include' });
    } catch (error) {
      throw this.transportError(error, 'refreshToken');
    } finally {
      if (wasAuthenticated) this.dispatchEvent(new Event(AUTH_CHANGE));
    }
  }

  private async refreshOnce(): Promise<boolean> {
    let response: Response;
    try {
      response = await this.rawFetch('refresh', this.absolute(REFRESH_PATH), {
        method: 'POST',
        credentials: 'include',
      });
    } catch (error) {
      throw this.transportError(error, 'refreshToken');
    }
    // 204: the proxy saw no refresh cookie, so there is no session to restore (a first visit).
    if (!response.ok || response.status === 204) {
      if (response.status === 429 || response.status >= 500) throw await this.problemError('refreshToken', response);
      this.expireSession();
      return false;
    }
    const parsed = BrowserTokenResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new InsurUpError('contract', 'refresh: unexpected answer', 'refreshToken', response.status);
    this.acceptTokens(parsed.data);
    return true;
  }

  private expireSession(): void {
    const wasAuthenticated = this.isAuthenticated;
    this.token.clear();
    if (wasAuthenticated) {
      this.dispatchEvent(new Event(AUTH_CHANGE));
      this.dispatchEvent(new Event(SESSION_EXPIRED));
    }
  }

  private async send(
    id: EndpointId,
    def: EndpointDef,
    url: string,
    body: string | undefined,
    isAuthCall: boolean,
    options: RequestOptions,
  ): Promise<{ response: Response; token: string | null }> {
    const headers = new Headers({ Accept: 'application/json' });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (def.auth) {
      if (this.token.value === null || this.token.expiresSoon()) {
        const refreshed = await this.refreshAccessToken().catch((error: unknown) => {
          // Refreshing early is an optimisation; a still-valid token can carry on.
          if (this.token.value !== null && !this.token.expired()) return true;
          throw error;
        });
        if (!refreshed && this.token.value === null) {
          throw new InsurUpError('unauthorized', 'not logged in', id, 401);
        }
      }
      headers.set('Authorization', `Bearer ${this.token.value}`);
    }
    const token = def.auth ? this.token.value : null;
    try {
      const response = await this.rawFetch(
        id,
        url,
        { method: def.method, headers, body, credentials: isAuthCall ? 'include' : 'omit' },
        options,
      );
      return { response, token };
    } catch (error) {
      throw this.transportError(error, id, options.signal);
    }
  }

  /** fetch with interceptors, Accept-Language and a timeout through AbortSignal. */
  private async rawFetch(
    endpoint: RequestContext['endpoint'],
    url: string,
    init: RequestInit,
    options: RequestOptions = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', this.lang());
    const timeout = new AbortController();
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timer = setTimeout(() => timeout.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
    const onAbort = () => timeout.abort(options.signal?.reason ?? new DOMException('aborted', 'AbortError'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let ctx: RequestContext = { endpoint, url, init: { ...init, headers, signal: timeout.signal, mode: 'cors' } };
    try {
      for (const intercept of this.interceptors.request) ctx = await intercept(ctx);
      let response = await this.fetchImpl(ctx.url, ctx.init);
      for (const intercept of this.interceptors.response) response = await intercept(response, ctx);
      return response;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async parse(id: EndpointId, def: EndpointDef, response: Response): Promise<unknown> {
    if (!response.ok) throw await this.problemError(id, response);
    if (response.status === 204) return undefined;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new InsurUpError('contract', `${id}: answer is not JSON`, id, response.status);
    }
    const schema = def.browserResponse ?? def.response;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      throw new InsurUpError('contract', `${id}: unexpected answer at ${where}`, id, response.status);
    }
    return parsed.data;
  }

  private async problemError(id: EndpointId, response: Response): Promise<InsurUpError> {
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    const json = await response.json().catch(() => undefined);
    const parsed = ProblemDetails.safeParse(json);
    const problem = parsed.success ? parsed.data : null;
    return new InsurUpError(
      'problem',
      problem?.title ?? `HTTP ${response.status}`,
      id,
      response.status,
      problem,
      retryAfter,
    );
  }

  private transportError(error: unknown, id: EndpointId, signal?: AbortSignal): InsurUpError {
    if (error instanceof InsurUpError) return error;
    // The caller's own cancellation, whatever reason it carried, is never shown as a failure.
    if (signal?.aborted) return new InsurUpError('aborted', 'aborted', id);
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError') return new InsurUpError('timeout', 'timed out', id);
    if (isAbort(error)) return new InsurUpError('aborted', 'aborted', id);
    return new InsurUpError('network', 'network error', id);
  }

  private absolute(path: string): string {
    return `${this.baseUrl}${path}`;
  }
}
