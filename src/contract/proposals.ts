/** Proposals (quotes): creation, products as they arrive, documents and compare. */
import * as z from './zod.js';
import { AbsoluteUrl, Currency, Id, IsoDateTime, Money, ObjectId } from './z.js';
import { Channel, ProductBranch } from './branches.js';
import { Coverage } from './coverage.js';

const proposalBase = {
  insurerCustomerId: Id,
  insuredCustomerId: Id,
  coverageGroupIds: z.array(ObjectId).check(z.minLength(1), z.maxLength(3)),
  channel: Channel,
};

export const CreateProposalRequest = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('kasko'), productBranch: z.literal('KASKO'), vehicleId: Id, ...proposalBase }),
  z.object({ $type: z.literal('trafik'), productBranch: z.literal('TRAFIK'), vehicleId: Id, ...proposalBase }),
  z.object({ $type: z.literal('imm'), productBranch: z.literal('IMM'), vehicleId: Id, ...proposalBase }),
  z.object({ $type: z.literal('konut'), productBranch: z.literal('KONUT'), propertyId: Id, ...proposalBase }),
  z.object({ $type: z.literal('dask'), productBranch: z.literal('DASK'), propertyId: Id, ...proposalBase }),
  z.object({ $type: z.literal('tss'), productBranch: z.literal('TSS'), ...proposalBase }),
]);
export type CreateProposalRequest = z.infer<typeof CreateProposalRequest>;

export const CreateProposalResponse = z.object({ proposalId: Id });

export const ProductType = z.enum(['WEB_SERVICE', 'ROBOT']);
export type ProductType = z.infer<typeof ProductType>;

export const ProductState = z.enum(['WAITING', 'ACTIVE', 'FAILED', 'PURCHASING', 'PURCHASED']);
export type ProductState = z.infer<typeof ProductState>;

export const PaymentOption = z.enum([
  'ASYNC_3D_SECURE',
  'ASYNC_INSURANCE_COMPANY_REDIRECT',
  'ASYNC_THIRD_PARTY_3D_SECURE',
  'SYNC_CREDIT_CARD',
  'SYNC_OPEN_ACCOUNT',
]);
export type PaymentOption = z.infer<typeof PaymentOption>;

export const Premium = z.object({
  installmentNumber: z.number().check(z.int(), z.gte(1)),
  netPremium: Money,
  grossPremium: Money,
  commission: z.nullish(Money),
  currency: Currency,
  insuranceCompanyProposalNumber: z.nullish(z.string()),
});
export type Premium = z.infer<typeof Premium>;

export const ProposalProduct = z.object({
  id: Id,
  insuranceCompanyId: z.union([z.string(), z.number()]),
  insuranceCompanyName: z.string(),
  insuranceCompanyLogo: z.nullish(z.string()),
  productId: z.union([z.string(), z.number()]),
  productName: z.string(),
  productType: ProductType,
  state: ProductState,
  errorMessage: z.nullish(z.string()),
  policyId: z.nullish(Id),
  premiums: z.array(Premium),
  coverageGroupId: z.nullish(z.string()),
  coverageGroupName: z.nullish(z.string()),
  supportedPaymentOptions: z.array(PaymentOption),
  needsInvestigationByCompany: z.nullish(z.boolean()),
  hasUndamagedDiscount: z.nullish(z.boolean()),
  coverage: z.nullish(Coverage),
});
export type ProposalProduct = z.infer<typeof ProposalProduct>;
export const ProposalProductList = z.array(ProposalProduct);

/** (design) Proposal state: WAITING while any product is WAITING, then COMPLETED. */
export const ProposalState = z.string();

export const Proposal = z.object({
  proposalId: Id,
  productBranch: ProductBranch,
  state: ProposalState,
  totalProductsCount: z.number().check(z.int()),
  succeedProductsCount: z.number().check(z.int()),
  lowestPremium: z.nullish(Money),
  highestPremium: z.nullish(Money),
  createdAt: IsoDateTime,
  products: z.array(ProposalProduct),
});
export type Proposal = z.infer<typeof Proposal>;

/** (design) One premium's detail: the premium plus its payment plan. */
export const PremiumDetail = z.object({
  ...Premium.shape,
  paymentPlan: z.array(
    z.object({ dueDate: z.string(), amount: Money }),
  ),
});
export type PremiumDetail = z.infer<typeof PremiumDetail>;

/** Every document link: absolute, signed, short-lived, opens without a token (design). */
export const DocumentLink = z.object({ url: AbsoluteUrl });
export type DocumentLink = z.infer<typeof DocumentLink>;

export const ComparePdfRequest = z.object({
  proposalProductIds: z.array(Id).check(z.minLength(2), z.maxLength(3)),
});
export type ComparePdfRequest = z.infer<typeof ComparePdfRequest>;
