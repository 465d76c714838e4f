/** SignalR hub `/hubs/proposal-detail`: what the client invokes and what the server sends. */
import * as z from './zod.js';
import { Id } from './z.js';
import { PaymentOption, Premium, ProductType } from './proposals.js';
import { Coverage } from './coverage.js';

export const HUB_PATH = '/hubs/proposal-detail';

export const RegisterArgs = z.object({ proposalId: Id });
export const HUB_REGISTER = 'Register';

const common = {
  proposalId: Id,
  proposalProductId: Id,
  productId: z.union([z.string(), z.number()]),
  productName: z.string(),
  productType: ProductType,
  insuranceCompanyId: z.union([z.string(), z.number()]),
  insuranceCompanyName: z.string(),
  insuranceCompanyLogo: z.nullish(z.string()),
  supportedPaymentOptions: z.array(PaymentOption),
};

export const ProductEventBase = z.object(common);
export type ProductEventBase = z.infer<typeof ProductEventBase>;

/** Each server method and its payload. */
export const HubEvents = {
  ReceiveProposalProductSuccess: z.object({
    ...common,
    premiums: z.array(Premium),
    coverage: z.nullish(Coverage),
  }),
  ReceiveProposalProductFailed: z.object({ ...common, errorMessage: z.nullish(z.string()) }),
  ReceiveProposalProductInProgress: z.object(common),
  ReceiveProposalProductRevised: z.object({ ...common, premiums: z.array(Premium) }),
  ReceiveProposalProductPurchasing: z.object(common),
  ReceiveProposalProductPurchased: z.object({ ...common, policyId: Id }),
  ReceiveProposalProductPurchaseFailed: z.object({ ...common, errorMessage: z.nullish(z.string()) }),
  ReceiveProposalProductCoverage: z.object({ ...common, coverage: Coverage }),
} as const;
export type HubEventName = keyof typeof HubEvents;
export type HubEventPayload<K extends HubEventName> = z.infer<(typeof HubEvents)[K]>;
export const HUB_EVENT_NAMES = Object.keys(HubEvents) as HubEventName[];
