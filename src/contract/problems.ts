/** RFC 7807 problem details, as every InsurUp error is answered. */
import * as z from './zod.js';

export const PROBLEM_BASE = 'https://api.insurup.com/problems/';

export const ProblemKind = z.enum([
  'access-denied',
  'business-validation',
  'feature-not-supported',
  'input-validation',
  'resource-duplicate',
  'resource-invalid-state',
  'resource-not-found',
  'endpoint-not-found',
  'unauthorized',
  'upstream-service',
  'unsupported-media-type',
  'method-not-allowed',
  // Not InsurUp's own: what the agency proxy answers for its own refusals.
  'rate-limited',
  'payload-too-large',
  'forbidden-origin',
  'upstream-timeout',
]);
export type ProblemKind = z.infer<typeof ProblemKind>;

export const ValidationError = z.object({
  propertyName: z.string(),
  errorMessage: z.string(),
  attemptedValue: z.optional(z.unknown()),
});
export type ValidationError = z.infer<typeof ValidationError>;

export const ProblemDetails = z.object({
  type: z.string(),
  title: z.optional(z.string()),
  status: z.number(),
  detail: z.nullish(z.string()),
  instance: z.nullish(z.string()),
  codes: z.optional(z.array(z.string())),
  traceId: z.nullish(z.string()),
  validationErrors: z.optional(z.array(ValidationError)),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** `https://api.insurup.com/problems/<kind>` → `<kind>`, or undefined for a foreign type. */
export function problemKindOf(problem: Pick<ProblemDetails, 'type'>): ProblemKind | undefined {
  if (!problem.type.startsWith(PROBLEM_BASE)) return undefined;
  const parsed = ProblemKind.safeParse(problem.type.slice(PROBLEM_BASE.length));
  return parsed.success ? parsed.data : undefined;
}

export const problemTitles: Record<ProblemKind, string> = {
  'access-denied': 'Access denied',
  'business-validation': 'Business rule violated',
  'feature-not-supported': 'Feature not supported',
  'input-validation': 'One or more validation errors occurred',
  'resource-duplicate': 'Resource already exists',
  'resource-invalid-state': 'Resource is in an invalid state',
  'resource-not-found': 'Resource not found',
  'endpoint-not-found': 'Endpoint not found',
  unauthorized: 'Unauthorized',
  'upstream-service': 'Upstream service error',
  'unsupported-media-type': 'Unsupported media type',
  'method-not-allowed': 'Method not allowed',
  'rate-limited': 'Too many requests',
  'payload-too-large': 'Payload too large',
  'forbidden-origin': 'Origin not allowed',
  'upstream-timeout': 'Upstream timed out',
};

/** Builds a problem body; servers (sandbox, proxy) answer with `application/problem+json`. */
export function problem(
  kind: ProblemKind,
  status: number,
  detail?: string,
  extra: Partial<Omit<ProblemDetails, 'type' | 'status' | 'title' | 'detail'>> = {},
): ProblemDetails {
  return {
    type: PROBLEM_BASE + kind,
    title: problemTitles[kind],
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}
