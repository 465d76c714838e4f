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

/** Digits typed into a gg.aa.yyyy mask: `31121990` → `31.12.1990`. */
export function formatTurkishDateInput(input: string): string {
  const d = input.replace(/\D+/g, '').slice(0, 8);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4, 8)].filter(Boolean).join('.');
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
