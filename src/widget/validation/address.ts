/** UAVT address code: exactly 10 digits. */
import type { ValidationResult } from './result.js';

export function parseUavt(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '');
  return /^\d{10}$/.test(compact) ? compact : undefined;
}

export function validateUavt(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  return parseUavt(input) ? null : 'uavt';
}
