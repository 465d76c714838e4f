/** Turkish licence plates: `34 ABC 123` → `{ city: 34, code: "ABC123" }`. */
import type { ValidationResult } from './result.js';

export interface ParsedPlate {
  city: number;
  code: string;
}

/** tr-TR upper-casing (i → İ is then folded back to I), spaces and dashes removed. */
export function normalizePlate(input: string): string {
  return input
    .toLocaleUpperCase('tr-TR')
    .replace(/İ/g, 'I')
    .replace(/[\s-]+/g, '');
}

// Letters A–Z without Q, W, X (and no Turkish letters).
const L = '[A-PR-VYZ]';
const PLATE = new RegExp(
  `^(0[1-9]|[1-7]\\d|8[01])(${L}\\d{4,5}|${L}{2}\\d{3,4}|${L}{3}\\d{2,3})$`,
);

/** Parses a typed plate; undefined when it is not a valid Turkish plate. */
export function parsePlate(input: string): ParsedPlate | undefined {
  const m = PLATE.exec(normalizePlate(input));
  if (!m) return undefined;
  return { city: Number(m[1]), code: m[2]! };
}

/** `{34, "ABC123"}` → `34 ABC 123` for display. */
export function formatPlate(plate: ParsedPlate): string {
  const city = String(plate.city).padStart(2, '0');
  const m = /^([A-Z]+)(\d+)$/.exec(plate.code);
  return m ? `${city} ${m[1]} ${m[2]}` : `${city} ${plate.code}`.trim();
}

export function validatePlate(input: string): ValidationResult {
  if (!normalizePlate(input)) return 'required';
  return parsePlate(input) ? null : 'plate';
}
