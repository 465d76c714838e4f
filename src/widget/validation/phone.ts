/** Turkish mobile numbers: 10 digits starting with 5, sent as `{ countryCode: 90, number }`. */
import { digitsOnly, type ValidationResult } from './result.js';

/**
 * Accepts what people type: `0532 123 45 67`, `+90 532 123 4567`, `5321234567`.
 * Returns the 10-digit national number or undefined.
 */
export function parseMobile(input: string): string | undefined {
  let digits = digitsOnly(input);
  if (digits.length === 12 && digits.startsWith('90')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return /^5\d{9}$/.test(digits) ? digits : undefined;
}

/** `5321234567` → `532 123 45 67`, also for partial input (the mask as the user types). */
export function formatMobile(input: string): string {
  const digits = digitsOnly(input).replace(/^(90|0)(?=5)/, '').slice(0, 10);
  const parts = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8, 10)];
  return parts.filter(Boolean).join(' ');
}

export function validateMobile(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  return parseMobile(input) ? null : 'phone';
}

/** For logs: `5321234567` → `532*****67`. */
export function maskPhone(number: string): string {
  return number.length < 5 ? '*'.repeat(number.length) : `${number.slice(0, 3)}${'*'.repeat(number.length - 5)}${number.slice(-2)}`;
}
