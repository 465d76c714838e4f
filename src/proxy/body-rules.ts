/**
 * The endpoints whose parsed body the proxy rules on: login-or-register (SMS limits),
 * verify-mfa (code-guessing limits), purchase (callback origin) and GraphQL (fixed documents),
 * and every body with an `agentBranchId` (the agency's own branches, when it lists them).
 * They read the body as the contract parsed it (contract-body.ts), which is what goes upstream.
 * Each either lets the request on, possibly with a rewritten body, or refuses it here.
 */
import type { EndpointId } from '../contract/endpoints.js';
import type { LoginOrRegisterRequest, VerifyMfaRequest } from '../contract/auth.js';
import type { PurchaseAsyncRequest } from '../contract/purchase.js';
import type { ProblemKind } from '../contract/problems.js';
import { maskPhone } from '../widget/validation/phone.js';
import { checkCallbackUrl } from './callback-gate.js';
import { checkGraphqlRequest } from './graphql-gate.js';
import { phoneSubject } from './login-body.js';
import type { RateLimiter } from './rate-limit.js';

export type BodyRuling =
  | { pass: true; body?: string; maskedPhone?: string }
  | { pass: false; kind: ProblemKind; status: number; detail: string; retryAfterSeconds?: number };

export interface BodyRuleContext {
  ip: string;
  callbackOrigins: ReadonlySet<string>;
  /** Lower-case GUIDs; undefined when any branch id passes. */
  agentBranchIds: ReadonlySet<string> | undefined;
  limiter: RateLimiter;
}

/** `data` is the body after the endpoint's request schema (contract-body.ts). */
export async function ruleOnBody(id: EndpointId, data: Record<string, unknown>, ctx: BodyRuleContext): Promise<BodyRuling> {
  // Sales attribution: the page may name a branch, but only one of the agency's own.
  const branch = data.agentBranchId;
  if (ctx.agentBranchIds && typeof branch === 'string' && !ctx.agentBranchIds.has(branch.toLowerCase())) {
    return { pass: false, kind: 'input-validation', status: 400, detail: "agentBranchId is not one of the agency's branches" };
  }
  switch (id) {
    case 'loginOrRegister': {
      const phone = phoneSubject((data as LoginOrRegisterRequest).phoneNumber);
      const verdict = await ctx.limiter.checkAll([
        ['loginPerIp', ctx.ip],
        ['loginPerPhone', phone.subject],
      ]);
      if (!verdict.ok) {
        return { pass: false, kind: 'rate-limited', status: 429, detail: `rate limited: ${verdict.name}`, retryAfterSeconds: verdict.retryAfterSeconds };
      }
      return { pass: true, maskedPhone: maskPhone(phone.national) };
    }
    case 'verifyMfa': {
      const verdict = await ctx.limiter.checkAll([
        ['verifyPerIp', ctx.ip],
        ['verifyPerToken', (data as VerifyMfaRequest).token],
      ]);
      if (!verdict.ok) {
        return { pass: false, kind: 'rate-limited', status: 429, detail: `rate limited: ${verdict.name}`, retryAfterSeconds: verdict.retryAfterSeconds };
      }
      return { pass: true };
    }
    case 'purchaseAsync': {
      const callback = checkCallbackUrl(data as PurchaseAsyncRequest, ctx.callbackOrigins);
      return callback.ok ? { pass: true } : { pass: false, kind: 'input-validation', status: 400, detail: callback.detail };
    }
    case 'graphql': {
      const gate = checkGraphqlRequest(data);
      if (!gate.ok) return { pass: false, kind: gate.status === 403 ? 'access-denied' : 'input-validation', status: gate.status, detail: gate.detail };
      return { pass: true, body: gate.body };
    }
    default:
      return { pass: true };
  }
}
