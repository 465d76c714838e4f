/** Turkish national id (TCKN), foreign resident id (YKN) and tax number (VKN). */
import type { ValidationResult } from './result.js';

/**
 * TCKN: 11 digits, first not 0;
 * d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10, wrapping negatives;
 * d11 = (d1+...+d10) mod 10.
 */
export function isValidTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  if (tenth !== d[9]) return false;
  const eleventh = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return eleventh === d[10];
}

/** A foreign resident's id (YKN) starts with 99 and carries the TCKN checksum. */
export function isValidYkn(value: string): boolean {
  return value.startsWith('99') && isValidTckn(value);
}

/**
 * VKN: 10 digits; for i = 1..9: t = (d_i + 10 - i) mod 10; v = t == 0 ? 0 : (t * 2^(10-i)) mod 9,
 * and 9 where that is 0; check digit = (10 - (sum v mod 10)) mod 10.
 */
export function isValidVkn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const t = (d[i - 1]! + 10 - i) % 10;
    if (t === 0) continue;
    const v = (t * 2 ** (10 - i)) % 9;
    sum += v === 0 ? 9 : v;
  }
  return (10 - (sum % 10)) % 10 === d[9];
}

export function validateTckn(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  const value = input.replace(/\s+/g, '');
  return isValidTckn(value) ? null : 'tckn';
}

export function validateYkn(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  const value = input.replace(/\s+/g, '');
  return isValidYkn(value) ? null : 'ykn';
}

export function validateVkn(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  const value = input.replace(/\s+/g, '');
  return isValidVkn(value) ? null : 'vkn';
}
