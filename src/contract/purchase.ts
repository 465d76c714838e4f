/** Purchase: async (3-D Secure, third-party 3-D Secure, insurer redirect) and sync types. */
import * as z from './zod.js';
import { AbsoluteUrl, Id } from './z.js';
import type { PaymentOption } from './proposals.js';

export const Card = z.object({
  number: z.string().check(z.regex(/^\d{12,19}$/)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/)),
  expiryMonth: z.string().check(z.regex(/^(0[1-9]|1[0-2])$/)),
  expiryYear: z.string().check(z.regex(/^\d{4}$/)),
  holderName: z.string().check(z.minLength(2), z.maxLength(100)),
  /** The card holder's national id, when the holder is not the customer. */
  identityNumber: z.optional(z.nullable(z.number().check(z.int()))),
});
export type Card = z.infer<typeof Card>;

const purchaseBase = {
  proposalId: Id,
  proposalProductId: Id,
  installmentNumber: z.number().check(z.int(), z.gte(1), z.lte(12)),
};

export const PurchaseAsyncRequest = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('3d-secure'), card: Card, callbackUrl: AbsoluteUrl, ...purchaseBase }),
  z.object({ $type: z.literal('third-party-3d-secure'), card: Card, callbackUrl: AbsoluteUrl, ...purchaseBase }),
  z.object({ $type: z.literal('insurance-company-redirect'), callbackUrl: AbsoluteUrl, ...purchaseBase }),
]);
export type PurchaseAsyncRequest = z.infer<typeof PurchaseAsyncRequest>;
export type AsyncPaymentType = PurchaseAsyncRequest['$type'];

export const PurchaseAsyncResponse = z.object({ redirectUrl: AbsoluteUrl });

/** Sync types are for the agency's back office, not for public web sales. */
export const PurchaseSyncRequest = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('credit-card'), card: Card, ...purchaseBase }),
  z.object({ $type: z.literal('open-account'), ...purchaseBase }),
]);
export type PurchaseSyncRequest = z.infer<typeof PurchaseSyncRequest>;

export const PurchaseSyncResponse = z.object({ policyId: Id });

/** A product's supported option → the async `$type` that uses it. */
export const ASYNC_PAYMENT_TYPES: Partial<Record<PaymentOption, AsyncPaymentType>> = {
  ASYNC_3D_SECURE: '3d-secure',
  ASYNC_THIRD_PARTY_3D_SECURE: 'third-party-3d-secure',
  ASYNC_INSURANCE_COMPANY_REDIRECT: 'insurance-company-redirect',
};

/**
 * (design) What InsurUp adds to the callbackUrl's query when the customer comes back:
 * `success=true&policyId=...` or `success=false&error=...`. Never trusted: the product is
 * fetched to confirm.
 */
export const CALLBACK_PARAMS = ['success', 'policyId', 'error'] as const;
