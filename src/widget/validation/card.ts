/** Payment cards: number (Luhn, brand), expiry (MM/YY, not past), CVC, holder name. */
import { digitsOnly, type ValidationResult } from './result.js';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'troy' | 'unknown';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Brand from the leading digits (IIN ranges). Troy is Turkey's domestic scheme (9792, 65). */
export function cardBrand(input: string): CardBrand {
  const d = digitsOnly(input);
  if (/^4/.test(d)) return 'visa';
  if (/^3[47]/.test(d)) return 'amex';
  if (/^9792/.test(d) || /^65/.test(d)) return 'troy';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)/.test(d)) return 'mastercard';
  return 'unknown';
}

const LENGTHS: Record<CardBrand, number[]> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  troy: [16],
  unknown: [12, 13, 14, 15, 16, 17, 18, 19],
};

export function validateCardNumber(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  if (/[^\d\s-]/.test(input)) return 'cardNumber';
  const d = digitsOnly(input);
  if (!LENGTHS[cardBrand(d)].includes(d.length)) return 'cardNumber';
  return luhnValid(d) ? null : 'cardNumber';
}

/** Groups as typed: `4111111111111111` → `4111 1111 1111 1111` (Amex 4-6-5). */
export function formatCardNumber(input: string): string {
  const d = digitsOnly(input).slice(0, 19);
  const groups = cardBrand(d) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const out: string[] = [];
  let i = 0;
  for (const size of groups) {
    if (i >= d.length) break;
    out.push(d.slice(i, i + size));
    i += size;
  }
  return out.join(' ');
}

export interface CardExpiry {
  month: number;
  year: number;
}

/** `MM/YY`, `MM / YY`, `MMYY` or `MM/YYYY` → `{ month, year: YYYY }`. */
export function parseCardExpiry(input: string): CardExpiry | undefined {
  const m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(input);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year };
}

/** A card is valid through the last day of its expiry month. */
export function validateCardExpiry(input: string, now: Date = new Date()): ValidationResult {
  if (!input.trim()) return 'required';
  const expiry = parseCardExpiry(input);
  if (!expiry) return 'cardExpiry';
  const current = now.getFullYear() * 12 + now.getMonth();
  const expires = expiry.year * 12 + (expiry.month - 1);
  if (expires < current) return 'cardExpired';
  if (expiry.year > now.getFullYear() + 20) return 'cardExpiry';
  return null;
}

/** `1228` → `12/28` as typed. */
export function formatCardExpiry(input: string): string {
  const d = digitsOnly(input).slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
}

export function validateCvc(input: string, brand: CardBrand = 'unknown'): ValidationResult {
  const d = input.trim();
  if (!d) return 'required';
  const ok = brand === 'amex' ? /^\d{4}$/.test(d) : brand === 'unknown' ? /^\d{3,4}$/.test(d) : /^\d{3}$/.test(d);
  return ok ? null : 'cvc';
}

export function validateHolderName(input: string): ValidationResult {
  const name = input.trim();
  if (!name) return 'required';
  return /^[\p{L}][\p{L} .'-]{1,99}$/u.test(name) && /\s/.test(name) ? null : 'holderName';
}

/** For logs and display: only the last four digits. */
export function maskCardNumber(input: string): string {
  const d = digitsOnly(input);
  return d.length <= 4 ? d : `${'*'.repeat(d.length - 4)}${d.slice(-4)}`;
}
