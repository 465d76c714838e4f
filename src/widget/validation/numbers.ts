/** Numbers within a range: whole (square metres, construction year, floors, height) or with a decimal (weight). */
import type { ValidationResult } from './result.js';

export function parseInteger(input: string): number | undefined {
  const trimmed = input.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function validateIntegerInRange(input: string, min: number, max: number): ValidationResult {
  if (!input.trim()) return 'required';
  const value = parseInteger(input);
  if (value === undefined) return 'integer';
  return value < min || value > max ? 'range' : null;
}

/** "72,5" (the Turkish way), "72.5" or "72" → 72.5 / 72; one decimal separator, at most two decimals. */
export function parseDecimal(input: string): number | undefined {
  const trimmed = input.trim();
  return /^\d+([.,]\d{1,2})?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : undefined;
}

export function validateDecimalInRange(input: string, min: number, max: number): ValidationResult {
  if (!input.trim()) return 'required';
  const value = parseDecimal(input);
  if (value === undefined) return 'decimal';
  return value < min || value > max ? 'range' : null;
}
