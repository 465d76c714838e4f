/**
 * One JSON line per request. Bodies are never logged (so card data never is), and every
 * line goes through maskSensitive, which masks what may still slip into a path or a note:
 * national ids, tax numbers, phones, card numbers and tokens.
 */
import { maskPhone } from '../widget/validation/phone.js';
import { maskCardNumber } from '../widget/validation/card.js';

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  ms: number;
  ip: string;
  /** The endpoint id from the contract table, when one matched. */
  endpoint?: string;
  /** Why the proxy answered itself (refused, limited, failed upstream). */
  note?: string;
  /** login-or-register: which phone asked for a code, masked. */
  phone?: string;
}

const TOKEN_PARAM = /\b(access_token|token|refreshToken|refresh_token|code)=[^&\s"]*/gi;
const BEARER = /\bBearer\s+[^\s"]+/gi;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const LONG_TOKEN = /[A-Za-z0-9_-]{40,}/g;
const DIGIT_RUN = /\d{10,}/g;

/** Masks tokens and long digit runs: 10–11 digits (phones, TCKN, VKN) keep 3 + 2, 12–19 (cards) keep the last 4. */
export function maskSensitive(text: string): string {
  return text
    .replace(TOKEN_PARAM, (_, name: string) => `${name}=***`)
    .replace(BEARER, 'Bearer ***')
    .replace(JWT, '***')
    .replace(LONG_TOKEN, '***')
    .replace(DIGIT_RUN, (run) =>
      run.length <= 11 ? maskPhone(run) : run.length <= 19 ? maskCardNumber(run) : '*'.repeat(run.length),
    );
}

const MAX_PATH = 200;

export function formatLogLine(entry: LogEntry): string {
  const path = entry.path.length > MAX_PATH ? `${entry.path.slice(0, MAX_PATH)}…` : entry.path;
  return maskSensitive(JSON.stringify({ time: new Date().toISOString(), ...entry, path }));
}
