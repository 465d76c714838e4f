/**
 * Values, touched fields and validation of one form. A field's error shows only after the
 * user has left it (blur) or tried to submit; submitting focuses the first invalid field.
 * Validators are the pure functions of src/widget/validation.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ValidationKey } from '../../validation/result.js';
import type { MessageParams } from '../../i18n/index.js';

export type FieldError = ValidationKey | { key: ValidationKey; params: MessageParams } | null;
export type FieldValidator<T> = (value: string, values: T) => FieldError;

export class FormState<T extends Record<string, string>> {
  values: T;
  private touched = new Set<keyof T>();
  private submitted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    initial: T,
    private readonly validators: { [K in keyof T]?: FieldValidator<T> },
  ) {
    this.values = { ...initial };
  }

  set<K extends keyof T>(name: K, value: T[K]): void {
    this.values = { ...this.values, [name]: value };
    this.host.requestUpdate();
  }

  touch(name: keyof T): void {
    this.touched.add(name);
    this.host.requestUpdate();
  }

  /** The current error of a field, whether shown yet or not. */
  validate(name: keyof T): FieldError {
    return this.validators[name]?.(this.values[name] ?? '', this.values) ?? null;
  }

  /** The error to show: only after blur or a submit attempt. */
  visibleError(name: keyof T): FieldError {
    return this.submitted || this.touched.has(name) ? this.validate(name) : null;
  }

  /** Marks the form submitted; answers the first invalid field's name, or undefined when all are valid. */
  submit(fields: ReadonlyArray<keyof T> = Object.keys(this.validators) as Array<keyof T>): keyof T | undefined {
    this.submitted = true;
    this.host.requestUpdate();
    return fields.find((name) => this.validate(name) !== null);
  }

  /** Forget touched/submitted (e.g. when a step is left), keeping the values. */
  resetVisibility(): void {
    this.touched.clear();
    this.submitted = false;
    this.host.requestUpdate();
  }
}

export function errorKey(error: FieldError): { key: ValidationKey; params?: MessageParams } | null {
  if (!error) return null;
  return typeof error === 'string' ? { key: error } : error;
}
