/** Dates as Turkish users type them (gg.aa.yyyy) and as the API wants them (YYYY-MM-DD). */
import type { ValidationResult } from './result.js';

/** `31.12.1990` (also `31/12/1990`, `31-12-1990`) → `1990-12-31`, or undefined. */
export function parseTurkishDate(input: string): string | undefined {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(input);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * What the birth-date field shows as the user types: `31121990` → `31.12.1990`; typed
 * separators are kept (`1.2.1990`, `15/06/1990` → `15.06.1990`), a group longer than its place
 * flows into the next one, and a browser's ISO autofill (`1990-06-15`) becomes `15.06.1990`.
 */
export function formatTurkishDateInput(input: string): string {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(input);
  if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  const trimmed = input.replace(/^\s+/, '');
  if (!/[./\-\s]/.test(trimmed.trim())) {
    const d = trimmed.replace(/\D+/g, '').slice(0, 8);
    return [d.slice(0, 2), d.slice(2, 4), d.slice(4, 8)].filter(Boolean).join('.');
  }
  const groups = trimmed.split(/[./\-\s]+/).map((g) => g.replace(/\D+/g, ''));
  const out: string[] = [];
  let carry = '';
  for (let i = 0; i < groups.length && out.length < 3; i++) {
    let digits = carry + groups[i]!;
    carry = '';
    const max = out.length < 2 ? 2 : 4;
    if (digits.length > max) {
      carry = digits.slice(max);
      digits = digits.slice(0, max);
    }
    out.push(digits);
  }
  if (carry && out.length < 3) out.push(carry.slice(0, out.length < 2 ? 2 : 4));
  const text = out.join('.');
  // Keep a separator the user just typed, so "1." can become "1.2".
  return out.length < 3 && /[./\-]\s*$/.test(trimmed) && !text.endsWith('.') ? `${text}.` : text;
}

/** A birth date: a real date, in the past, at most 120 years ago, and the person at least 18. */
export function validateBirthDate(input: string, now: Date = new Date(), minAge = 18): ValidationResult {
  if (!input.trim()) return 'required';
  const iso = parseTurkishDate(input);
  if (!iso) return 'birthDate';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const age = now.getUTCFullYear() - y - (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d) ? 1 : 0);
  if (age < minAge || age > 120) return 'birthDate';
  return null;
}
