/** Policies and their documents. */
import * as z from './zod.js';
import { Currency, Id, IsoDate, IsoDateTime, Money } from './z.js';
import { ProductBranch } from './branches.js';

export const PolicyState = z.enum(['ACTIVE', 'END_OF_LIFE', 'CANCELLED']);

export const Policy = z.object({
  id: Id,
  proposalId: Id,
  proposalProductId: Id,
  insuranceCompanyId: z.union([z.string(), z.number()]),
  productBranch: ProductBranch,
  grossPremium: Money,
  netPremium: Money,
  installmentNumber: z.number().check(z.int(), z.gte(1)),
  paymentType: z.string(),
  currency: Currency,
  insuranceCompanyPolicyNumber: z.nullish(z.string()),
  startDate: z.union([IsoDate, IsoDateTime]),
  endDate: z.union([IsoDate, IsoDateTime]),
  state: PolicyState,
});
export type Policy = z.infer<typeof Policy>;

/** (design, by analogy with the other documents) send the policy PDF by e-mail. */
export const SendPolicyDocumentRequest = z.object({
  type: z.literal('email'),
  email: z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), z.maxLength(254)),
});
export type SendPolicyDocumentRequest = z.infer<typeof SendPolicyDocumentRequest>;
