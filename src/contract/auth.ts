/** Customer authentication: login-or-register, SMS code (MFA) and refresh. */
import * as z from './zod.js';
import { Guid, IsoDate } from './z.js';

/** Turkish mobile numbers only: 10 digits starting with 5, country code 90. */
export const PhoneNumber = z.object({
  number: z.string().check(z.regex(/^\d{7,15}$/)),
  countryCode: z.number().check(z.int(), z.gte(1), z.lte(999)),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

/** 11-digit national id (TCKN, or a foreigner's YKN starting with 99) sent as a number. */
const IdentityNumber = z.number().check(z.int(), z.gte(10_000_000_000), z.lte(99_999_999_999));
/** 10-digit tax number (VKN) sent as a number (leading zeros are not kept by JSON numbers). */
const TaxNumber = z.number().check(z.int(), z.gte(0), z.lte(9_999_999_999));

const loginBase = {
  phoneNumber: PhoneNumber,
  agentId: Guid,
  agentBranchId: z.optional(z.nullable(Guid)),
  /** Needed only when the customer registers for the first time. */
  birthDate: z.optional(z.nullable(IsoDate)),
};

export const LoginOrRegisterRequest = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('individual'), identityNumber: IdentityNumber, ...loginBase }),
  z.object({ $type: z.literal('company'), taxNumber: TaxNumber, ...loginBase }),
  // (design) A foreign resident logs in with the 11-digit foreign identity number (YKN).
  z.object({ $type: z.literal('foreign'), identityNumber: IdentityNumber, ...loginBase }),
]);
export type LoginOrRegisterRequest = z.infer<typeof LoginOrRegisterRequest>;
/** What the browser sends: the agency proxy injects (and overwrites) `agentId`. */
export type BrowserLoginOrRegisterRequest = LoginOrRegisterRequest extends infer T
  ? T extends unknown
    ? Omit<T, 'agentId'>
    : never
  : never;

export const LoginOrRegisterResponse = z.object({
  token: z.string().check(z.minLength(1)),
  message: z.nullish(z.string()),
});
export type LoginOrRegisterResponse = z.infer<typeof LoginOrRegisterResponse>;

export const VerifyMfaRequest = z.object({
  token: z.string().check(z.minLength(1)),
  code: z.string().check(z.regex(/^\d{6}$/)),
});
export type VerifyMfaRequest = z.infer<typeof VerifyMfaRequest>;

/** verify-mfa and refresh answer the same token pair. expiresIn is in seconds. */
export const TokenResponse = z.object({
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.string().check(z.minLength(1)),
  expiresIn: z.number().check(z.gt(0)),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/**
 * What the browser receives from the agency proxy: the refresh token is moved into an
 * HttpOnly cookie and never reaches JavaScript. `expiresIn` may be missing on refresh
 * (the reference marks it a design choice); clients then refresh on a 401.
 */
export const BrowserTokenResponse = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresIn: z.optional(z.number().check(z.gt(0))),
});
export type BrowserTokenResponse = z.infer<typeof BrowserTokenResponse>;

/** Upstream refresh body. Through the proxy the body is empty and the cookie is used. */
export const RefreshRequest = z.object({ refreshToken: z.string().check(z.minLength(1)) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;
