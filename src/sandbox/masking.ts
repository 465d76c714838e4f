/**
 * What the sandbox must never print in full: national ids, tax numbers, phones, tokens, SMS
 * codes and card data. Used by the log lines, the recorded requests and validation errors.
 */
import { maskCardNumber, maskPhone } from '../widget/validation/index.js';

export { maskCardNumber, maskPhone };

/** `12345678901` → `123******01`. */
export function maskId(value: string | number): string {
  const text = String(value);
  return text.length <= 4 ? '*'.repeat(text.length) : `${text.slice(0, 3)}${'*'.repeat(text.length - 5)}${text.slice(-2)}`;
}

/** Long bearer strings keep their last 4 characters, enough to tell two apart in a log. */
export function maskToken(value: string): string {
  return value.length <= 8 ? '***' : `***${value.slice(-4)}`;
}

/** `ayse.kaya@example.com` → `a***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at <= 0 ? '***' : `${value[0]}***${value.slice(at)}`;
}

const ID_KEYS = /^(identityNumber|taxNumber|propertyNumber)$/i;
const PHONE_KEYS = /^(phone|phoneNumber|to)$/i;
const TOKEN_KEYS = /^(token|accessToken|refreshToken|access_token)$/i;
const CARD_NUMBER_KEYS = /^(cardNumber)$/i;
const CVC_KEYS = /^(cvc|cvv)$/i;

/**
 * Masks one value by its property path (`card.number`, `phoneNumber.number`, ...). `scope`
 * `card` masks card data only (what `/sandbox/requests` shows); `all` masks everything
 * personal (log lines, validation errors).
 */
export function maskValue(path: readonly (string | number)[], value: unknown, scope: 'card' | 'all'): unknown {
  const key = String(path[path.length - 1] ?? '');
  const parent = String(path[path.length - 2] ?? '');
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const text = String(value);
  if ((parent === 'card' && key === 'number') || CARD_NUMBER_KEYS.test(key)) return maskCardNumber(text);
  if (CVC_KEYS.test(key)) return '***';
  if (scope === 'card') return value;
  if (ID_KEYS.test(key)) return maskId(text);
  if (parent === 'phoneNumber' && key === 'number') return maskPhone(text);
  if (PHONE_KEYS.test(key) && /^\d{10}$/.test(text)) return maskPhone(text);
  if (TOKEN_KEYS.test(key)) return maskToken(text);
  // The SMS code of verify-mfa sits at the top level; plate and serial `code`s are not secret.
  if (key === 'code' && path.length === 1) return '***';
  if (key === 'email') return maskEmail(text);
  return value;
}

/** A deep copy with every sensitive leaf masked. */
export function maskDeep(value: unknown, scope: 'card' | 'all', path: (string | number)[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => maskDeep(item, scope, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v, scope, [...path, k])]),
    );
  }
  return maskValue(path, value, scope);
}

/**
 * A request target fit for a log line: sensitive query values masked and any long digit run
 * (a national id, phone or card number someone put in a path) cut down.
 */
export function maskTarget(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  const parts: string[] = [];
  for (const [key, value] of params) {
    const masked = maskValue([key], value, 'all');
    parts.push(`${key}=${masked === value ? maskDigits(value) : String(masked)}`);
  }
  return maskDigits(pathname) + (parts.length ? `?${parts.join('&')}` : '');
}

function maskDigits(text: string): string {
  return text.replace(/\d{10,19}/g, (digits) => maskId(digits));
}
