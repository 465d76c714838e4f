/**
 * Problem details as the sandbox throws them. A handler throws `ProblemError`; the dispatcher
 * turns it into an `application/problem+json` answer with a trace id and the request path.
 */
import { problem, type ProblemDetails, type ProblemKind, type ValidationError } from '../contract/problems.js';
import { maskValue } from './masking.js';

export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly detail: string,
    readonly codes: string[] = [],
    readonly validationErrors?: ValidationError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toBody(instance: string, traceId: string): ProblemDetails {
    return problem(this.kind, this.status, this.detail, {
      instance,
      traceId,
      ...(this.codes.length ? { codes: this.codes } : {}),
      ...(this.validationErrors ? { validationErrors: this.validationErrors } : {}),
    });
  }
}

export const notFound = (detail: string, code: string) => new ProblemError('resource-not-found', 404, detail, [code]);
export const invalidState = (detail: string, code: string) =>
  new ProblemError('resource-invalid-state', 409, detail, [code]);
export const businessRule = (detail: string, ...codes: string[]) =>
  new ProblemError('business-validation', 400, detail, codes);
export const accessDenied = (detail: string, code: string) => new ProblemError('access-denied', 403, detail, [code]);
export const unauthorized = (detail: string, code: string) =>
  new ProblemError('unauthorized', 401, detail, [code], undefined, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${code}"`,
  });

/** One field error, its attempted value masked when it is personal. */
export function fieldError(path: ReadonlyArray<string | number>, message: string, attempted: unknown): ValidationError {
  return {
    propertyName: path.map(String).join('.'),
    errorMessage: message,
    ...(attempted === undefined ? {} : { attemptedValue: maskValue(path, attempted, 'all') }),
  };
}

export function inputValidation(errors: ValidationError[], detail = 'Gönderilen bilgilerde hata var.'): ProblemError {
  return new ProblemError('input-validation', 400, detail, ['INPUT_VALIDATION_FAILED'], errors);
}

// ---------------------------------------------------------------------------------------------
// zod issues → validationErrors, in Turkish as InsurUp answers

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  options?: unknown[];
  keys?: string[];
  origin?: string;
  note?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'metin',
  number: 'sayı',
  boolean: 'doğru/yanlış',
  object: 'nesne',
  array: 'liste',
};

function issueMessage(issue: Issue, name: string, attempted: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return attempted === undefined
        ? `'${name}' alanı zorunludur.`
        : `'${name}' alanı ${TYPE_NAMES[String(issue.expected)] ?? String(issue.expected)} olmalıdır.`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `'${name}' alanı en az ${String(issue.minimum)} öğe içermelidir.`
        : `'${name}' alanı en az ${String(issue.minimum)} olmalıdır.`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `'${name}' alanı en fazla ${String(issue.maximum)} öğe içerebilir.`
        : `'${name}' alanı en fazla ${String(issue.maximum)} olabilir.`;
    case 'invalid_format':
      return `'${name}' alanının biçimi geçersiz.`;
    case 'invalid_value':
      return `'${name}' alanı şu değerlerden biri olmalıdır: ${(issue.values ?? []).map(String).join(', ')}.`;
    case 'invalid_union':
      return issue.options
        ? `'${name}' alanı şu değerlerden biri olmalıdır: ${issue.options.map(String).join(', ')}.`
        : `'${name}' alanı geçersiz.`;
    case 'unrecognized_keys':
      return `Tanınmayan alanlar: ${(issue.keys ?? []).join(', ')}.`;
    default:
      return `'${name}' alanı geçersiz.`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns a failed parse into an input-validation problem with one entry per field. */
export function validationProblem(issues: readonly Issue[], input: unknown, prefix: string[] = []): ProblemError {
  const errors = issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))];
    const attempted = valueAt(input, issue.path);
    const name = path.length ? path.join('.') : 'body';
    return fieldError(path, issueMessage(issue, name, attempted), attempted);
  });
  return inputValidation(errors);
}
