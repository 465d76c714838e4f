/**
 * UAVT address code: a 10-digit number, so it never starts with 0 (the API takes it as a
 * number; a leading 0 would be lost and the found address would not match what was typed).
 */
import type { ValidationResult } from './result.js';

export function parseUavt(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '');
  return /^[1-9]\d{9}$/.test(compact) ? compact : undefined;
}

export function validateUavt(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  return parseUavt(input) ? null : 'uavt';
}
