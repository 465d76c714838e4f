/** Registration (ruhsat) document serial: 2 letters + 6 digits, e.g. `AB 123456`. */
import type { ValidationResult } from './result.js';

export interface ParsedSerial {
  code: string;
  number: string;
}

export function parseRegistrationSerial(input: string): ParsedSerial | undefined {
  const compact = input.toLocaleUpperCase('tr-TR').replace(/İ/g, 'I').replace(/[\s-]+/g, '');
  const m = /^([A-Z]{2})(\d{6})$/.exec(compact);
  return m ? { code: m[1]!, number: m[2]! } : undefined;
}

export function validateRegistrationSerial(input: string): ValidationResult {
  if (!input.trim()) return 'required';
  return parseRegistrationSerial(input) ? null : 'serial';
}
