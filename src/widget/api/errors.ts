/**
 * Typed errors of the API client. Every failure the UI can see is an `InsurUpError` with a
 * kind; `errorMessage()` turns it into a localized sentence, preferring InsurUp's own
 * `detail` (which the API writes for end users, in Turkish) when there is one.
 */
import { problemKindOf, type ProblemDetails } from '../../contract/problems.js';
import { translate, type Lang, type MessageKey } from '../i18n/index.js';

export type ErrorKind =
  | 'problem' // the API answered with RFC 7807 problem details
  | 'network' // no answer: offline, DNS, CORS, connection reset
  | 'timeout' // no answer in time
  | 'contract' // an answer that does not match the contract
  | 'unauthorized' // no valid session (refresh failed)
  | 'graphql' // GraphQL errors in a 200 answer
  | 'aborted'; // the caller cancelled (never shown to users)

export class InsurUpError extends Error {
  override readonly name = 'InsurUpError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly endpoint: string | null = null,
    readonly status: number | null = null,
    readonly problem: ProblemDetails | null = null,
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** A stable code for analytics and tests: the first problem code, else the problem kind, else the error kind. */
  get code(): string {
    return this.problem?.codes?.[0] ?? (this.problem && problemKindOf(this.problem)) ?? this.kind;
  }

  /** Whether trying the same thing again may help (the UI then offers Retry). */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'contract') return true;
    // A 429 asks for a wait: Retry helps only when the wait is short; the proxy's login limit
    // answers in tens of minutes, and a Retry button that fails again for that long misleads.
    if (this.status === 429) return (this.retryAfter ?? 0) <= RETRY_WITHIN_SECONDS;
    return this.status !== null && (this.status >= 500 || this.status === 408);
  }

  /** Field errors of an input-validation problem, by property name. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.validationErrors ?? []) out[e.propertyName] = e.errorMessage;
    return out;
  }
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof InsurUpError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/** The longest Retry-After (seconds) for which a 429 still offers Retry. */
const RETRY_WITHIN_SECONDS = 60;

/**
 * Beyond this many seconds a 429's wait is said in whole minutes (rounded up), so the proxy's
 * hour-long login limit reads "42 dakika", not "2517 saniye".
 */
const WAIT_IN_SECONDS_UP_TO = 90;

function messageKeyFor(error: InsurUpError): MessageKey {
  switch (error.kind) {
    case 'network':
      return 'errors.network';
    case 'timeout':
      return 'errors.timeout';
    case 'contract':
    case 'graphql':
      return 'errors.contract';
    case 'unauthorized':
      return 'errors.unauthorized';
    case 'aborted':
      return 'errors.unknown';
    case 'problem':
      break;
  }
  const status = error.status ?? 0;
  if (status === 429) return (error.retryAfter ?? 0) > WAIT_IN_SECONDS_UP_TO ? 'errors.rateLimitedMinutes' : 'errors.rateLimited';
  if (status === 401) return 'errors.unauthorized';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 400 || status === 422) return 'errors.invalidInput';
  if (status >= 500) return 'errors.server';
  return 'errors.unknown';
}

/** The sentence to show the user for any thrown value. */
export function errorMessage(error: unknown, lang: Lang): string {
  if (!(error instanceof InsurUpError)) return translate(lang, 'errors.unknown');
  const seconds = error.retryAfter ?? 60;
  const sentence = translate(lang, messageKeyFor(error), { seconds, minutes: Math.ceil(seconds / 60) });
  if (!showsDetail(error)) return sentence;
  // InsurUp writes its details in Turkish: other languages get their own sentence first, so the
  // customer understands what happened, and the detail after it for what exactly.
  return lang === 'tr' ? error.problem!.detail! : `${sentence} (${error.problem!.detail!})`;
}

// The proxy's own refusals: their `detail` is written for the agency's developers, not for
// customers, so the customer gets the localized sentence instead.
const PROXY_KINDS: ReadonlySet<string> = new Set([
  'rate-limited',
  'payload-too-large',
  'forbidden-origin',
  'upstream-timeout',
  'endpoint-not-found',
  'method-not-allowed',
  'unsupported-media-type',
]);

/**
 * InsurUp writes a problem's `detail` for end users ("Kimlik numarası geçersiz"): show it for
 * business and input problems. Server failures (5xx) and the proxy's own refusals get the
 * localized sentence, which also tells the user what to do.
 */
function showsDetail(error: InsurUpError): boolean {
  if (error.kind !== 'problem' || !error.problem?.detail) return false;
  if ((error.status ?? 0) >= 500 || error.status === 429) return false;
  const kind = problemKindOf(error.problem);
  return !(kind && PROXY_KINDS.has(kind));
}
