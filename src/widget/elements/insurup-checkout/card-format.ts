/** Typing helpers of the card form: expiry as MM/YY, and the caret after regrouping digits. */
import { formatCardExpiry } from '../../validation/card.js';

/** `12/2029` (autofill), `1/29` or `1229` → `12/29`-style MM/YY as typed. */
export function formatExpiryInput(raw: string): string {
  const slashed = /^\s*(\d{1,2})\s*\/\s*(\d{0,4})\s*$/.exec(raw);
  if (slashed) {
    const month = slashed[1]!.length === 1 && slashed[2] !== undefined ? `0${slashed[1]}` : slashed[1]!;
    const year = slashed[2]!.length === 4 ? slashed[2]!.slice(2) : slashed[2]!.slice(0, 2);
    return `${month}/${year}`;
  }
  return formatCardExpiry(raw);
}

/** Puts the caret back after the same number of digits once grouping spaces moved them. */
export function caretAfterDigits(formatted: string, digits: number): number {
  let position = 0;
  let seen = 0;
  while (position < formatted.length && seen < digits) {
    if (/\d/.test(formatted[position]!)) seen++;
    position++;
  }
  return position;
}

