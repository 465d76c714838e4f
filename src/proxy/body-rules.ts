/**
 * The endpoints whose JSON body the proxy reads: login-or-register (Agent ID, SMS limits),
 * verify-mfa (code-guessing limits), purchase (callback origin) and GraphQL (fixed documents).
 * Each either lets the request on, possibly with a rewritten body, or refuses it here.
 */
import type { EndpointId } from '../contract/endpoints.js';
import type { ProblemKind } from '../contract/problems.js';
import { maskPhone } from '../widget/validation/phone.js';
import { checkCallbackUrl } from './callback-gate.js';
import { checkGraphqlRequest } from './graphql-gate.js';
import { prepareLoginBody } from './login-body.js';
import type { RateLimiter } from './rate-limit.js';

export const GATED_ENDPOINTS: ReadonlySet<EndpointId> = new Set(['loginOrRegister', 'verifyMfa', 'purchaseAsync', 'graphql']);

export type BodyRuling =
  | { pass: true; body?: string; maskedPhone?: string }
  | { pass: false; kind: ProblemKind; status: number; detail: string; retryAfterSeconds?: number };

export interface BodyRuleContext {
  ip: string;
  agentId: string;
  callbackOrigins: ReadonlySet<string>;
  limiter: RateLimiter;
}

export async function ruleOnBody(id: EndpointId, parsed: Record<string, unknown>, ctx: BodyRuleContext): Promise<BodyRuling> {
  switch (id) {
    case 'loginOrRegister': {
      const login = prepareLoginBody(parsed, ctx.agentId);
      const maskedPhone = login.phoneNumber ? maskPhone(login.phoneNumber) : undefined;
      const verdict = await ctx.limiter.checkAll([
        ['loginPerIp', ctx.ip],
        ['loginPerPhone', login.phone],
      ]);
      if (!verdict.ok) {
        return { pass: false, kind: 'rate-limited', status: 429, detail: `rate limited: ${verdict.name}`, retryAfterSeconds: verdict.retryAfterSeconds };
      }
      return { pass: true, body: login.body, ...(maskedPhone ? { maskedPhone } : {}) };
    }
    case 'verifyMfa': {
      const token = typeof parsed.token === 'string' ? parsed.token : undefined;
      const verdict = await ctx.limiter.checkAll([
        ['verifyPerIp', ctx.ip],
        ['verifyPerToken', token],
      ]);
      if (!verdict.ok) {
        return { pass: false, kind: 'rate-limited', status: 429, detail: `rate limited: ${verdict.name}`, retryAfterSeconds: verdict.retryAfterSeconds };
      }
      return { pass: true };
    }
    case 'purchaseAsync': {
      const callback = checkCallbackUrl(parsed, ctx.callbackOrigins);
      return callback.ok ? { pass: true } : { pass: false, kind: 'input-validation', status: 400, detail: callback.detail };
    }
    case 'graphql': {
      const gate = checkGraphqlRequest(parsed);
      if (!gate.ok) return { pass: false, kind: gate.status === 403 ? 'access-denied' : 'input-validation', status: gate.status, detail: gate.detail };
      return { pass: true, body: gate.body };
    }
    default:
      return { pass: true };
  }
}
