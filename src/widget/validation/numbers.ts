/** Whole numbers within a range (square metres, construction year, floors, height, weight). */
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
