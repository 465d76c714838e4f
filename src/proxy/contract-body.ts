/**
 * Request bodies: read once, and what goes upstream is exactly what was read. The body must be
 * a JSON object with no two keys that are equal ignoring case (at any depth), it is parsed with
 * the endpoint's request schema from the contract, and the parsed data is serialized again, so
 * unknown keys are dropped and the checks (callback origin, Agent ID, rate-limit subjects) see
 * the very body InsurUp receives. ASP.NET Core reads JSON keys case-insensitively with the
 * last one winning; forwarding the client's bytes would let `"CallbackUrl"` or `"AgentId"`
 * override what the proxy checked.
 */
import type { EndpointDef } from '../contract/endpoints.js';
import type { ValidationError } from '../contract/problems.js';

export type ContractBody =
  /** `body` is the JSON to forward, or undefined when there is none. */
  | { ok: true; data: Record<string, unknown> | undefined; body: string | undefined }
  | { ok: false; status: 400 | 415; detail: string; validationErrors?: ValidationError[] };

const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** application/json or a `+json` type, in UTF-8 (the only charset the proxy reads). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null || !JSON_MEDIA_TYPE.test(contentType)) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/** Case folding for key comparison: both directions, so `ſ`/`s`, `K` (Kelvin)/`k`, `ı`/`i` collide too. */
const fold = (key: string) => key.toUpperCase().toLowerCase();

interface Frame {
  /** Folded keys seen so far (objects only). */
  keys?: Set<string>;
  expectKey: boolean;
  /** The current key (objects) or index (arrays), for the path in the message. */
  at: string | number;
}

/**
 * The path of the first key that repeats within one object, compared ignoring case; undefined
 * when there is none. `text` must be JSON that JSON.parse accepted: strings, numbers, literals
 * and punctuation only, so a scan of strings and brackets is enough (iterative: no recursion
 * depth to exhaust).
 */
export function repeatedKey(text: string): string | undefined {
  const stack: Frame[] = [];
  const pathOf = (key: string) =>
    [...stack.slice(0, -1).map((f) => (typeof f.at === 'number' ? `[${f.at}]` : `.${f.at}`)), `.${key}`].join('').slice(1);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const folded = fold(key);
        if (top.keys.has(folded)) return pathOf(key);
        top.keys.add(folded);
        top.expectKey = false;
        top.at = key;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? { keys: new Set(), expectKey: true, at: '' } : { expectKey: false, at: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',' && top) {
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return undefined;
}

/** JSON with `$type` first in every object: InsurUp's polymorphic reader wants the discriminator first. */
function serialize(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('$type' in value)) return value;
    const { $type, ...rest } = value as Record<string, unknown>;
    return { $type, ...rest };
  });
}

interface Issue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
}

/** InsurUp's shape for field errors (the widget reads `propertyName`); values are never echoed. */
function validationErrors(issues: readonly Issue[]): ValidationError[] {
  return issues.map((issue) => {
    const name = issue.path.map(String).join('.') || 'body';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return { propertyName: name, errorMessage: missing ? `'${name}' is required.` : `'${name}' is invalid.` };
  });
}

/**
 * Reads a request body for `endpoint`. `inject` is set on the parsed object before the schema
 * runs (login-or-register: the agency's `agentId` replaces the client's).
 */
export function readContractBody(
  endpoint: EndpointDef,
  bytes: Uint8Array,
  contentType: string | null,
  inject?: Record<string, unknown>,
): ContractBody {
  if (!endpoint.request) {
    return bytes.byteLength
      ? { ok: false, status: 400, detail: 'This endpoint takes no body.' }
      : { ok: true, data: undefined, body: undefined };
  }
  if (!bytes.byteLength) return { ok: false, status: 400, detail: 'The body must be a JSON object.' };
  if (!isJsonMediaType(contentType)) {
    return { ok: false, status: 415, detail: "The body must be sent as 'application/json' (UTF-8)." };
  }
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, detail: 'The body must be a JSON object.' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, status: 400, detail: 'The body must be a JSON object.' };
  }
  const repeated = repeatedKey(text);
  if (repeated !== undefined) {
    const shown = repeated.length > 80 ? `${repeated.slice(0, 80)}…` : repeated;
    return { ok: false, status: 400, detail: `The body has two keys that are equal ignoring case: ${shown}.` };
  }
  const result = endpoint.request.safeParse(inject ? { ...(parsed as Record<string, unknown>), ...inject } : parsed);
  if (!result.success) {
    return { ok: false, status: 400, detail: 'The body does not match the request schema.', validationErrors: validationErrors(result.error.issues) };
  }
  const data = result.data as Record<string, unknown>;
  return { ok: true, data, body: serialize(data) };
}
