/** Sales-opportunity cases (guide section 2.3): checked over GraphQL, created over REST. */
import * as z from './zod.js';
import { Guid, Id, IsoDateTime } from './z.js';
import { AssetType, Channel, ProductBranch } from './branches.js';

/** Real statuses (the guide's CLOSED_WON / CLOSED_LOST are not real). */
export const CaseStatus = z.enum(['OPEN', 'DELAYED', 'SUCCESS', 'FAIL']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseType = z.enum(['SALE_OPPORTUNITY', 'RENEWAL', 'COMPLAINT', 'OTHER']);

export const NewSaleOpportunityRequest = z.object({
  customerId: Id,
  assetType: z.nullable(AssetType),
  assetId: z.nullable(Id),
  productBranch: ProductBranch,
  channel: Channel,
  // (design) marketing attribution, from the agency's attributes and the page's UTM tags.
  agentBranchId: z.optional(z.nullable(Guid)),
  advertisingSource: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  campaign: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
});
export type NewSaleOpportunityRequest = z.infer<typeof NewSaleOpportunityRequest>;

export const NewSaleOpportunityResponse = z.object({ id: Id });

/** A case as the GraphQL `cases` query returns it. */
export const CaseSummary = z.object({
  id: Id,
  type: CaseType,
  status: CaseStatus,
  productBranch: z.nullish(ProductBranch),
  createdAt: IsoDateTime,
  assetType: z.nullish(AssetType),
  assetId: z.nullish(Id),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
