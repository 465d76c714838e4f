/**
 * Fault injection: `X-Sandbox-Fail` on one request, rules from `POST /sandbox/faults` for the
 * next matching requests, and the `failRate` share of API requests. A fault is decided before
 * a request is handled, so a request either runs whole or not at all (a purchase is never
 * half done).
 */
import { z } from '../contract/z.js';

export type FaultKind = 500 | 503 | 'timeout' | 'close';

export const FaultRuleInput = z.strictObject({
  method: z.optional(z.enum(['GET', 'POST', 'PUT', 'DELETE'])),
  /** A regular expression source, matched against the request path. */
  path: z.string().check(z.minLength(1), z.maxLength(500)),
  fault: z.union([z.literal(500), z.literal(503), z.literal('timeout'), z.literal('close')]),
  times: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
});
export type FaultRuleInput = z.infer<typeof FaultRuleInput>;

interface FaultRule {
  method: string | undefined;
  /** As given (RegExp#source would escape slashes). */
  source: string;
  path: RegExp;
  fault: FaultKind;
  remaining: number;
}

const HEADER_FAULTS: Record<string, FaultKind> = { '500': 500, '503': 503, timeout: 'timeout', close: 'close' };

export class FaultInjector {
  private rules: FaultRule[] = [];

  /** Throws a SyntaxError for a bad regular expression. */
  add(input: FaultRuleInput): void {
    this.rules.push({
      method: input.method,
      source: input.path,
      path: new RegExp(input.path),
      fault: input.fault,
      remaining: input.times ?? 1,
    });
  }

  clear(): void {
    this.rules = [];
  }

  list() {
    return this.rules.map((r) => ({ method: r.method ?? null, path: r.source, fault: r.fault, remaining: r.remaining }));
  }

  /** The fault for this request, if any; a matching rule is used up by one. */
  take(method: string, path: string, header: string | null): FaultKind | undefined {
    if (header) {
      const fromHeader = HEADER_FAULTS[header.trim().toLowerCase()];
      if (fromHeader) return fromHeader;
    }
    const rule = this.rules.find((r) => (!r.method || r.method === method.toUpperCase()) && r.path.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }
}
