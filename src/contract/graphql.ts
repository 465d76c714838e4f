/**
 * The GraphQL operations the widget uses. They are the only documents the agency proxy lets
 * through (compared after whitespace normalisation, like persisted queries), so their depth
 * and cost are fixed here; the variables are checked against these schemas.
 */
import * as z from './zod.js';
import { Currency, Guid, Id, IsoDate, IsoDateTime, Money } from './z.js';
import { ProductBranch } from './branches.js';
import { CaseSummary } from './cases.js';
import { PolicyState } from './policies.js';

export const GRAPHQL_PATH = '/graphql';
export const GRAPHQL_MAX_TAKE = 50;

const Paging = {
  skip: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
  take: z.number().check(z.int(), z.gte(1), z.lte(GRAPHQL_MAX_TAKE)),
};

export const ProposalSummary = z.object({
  id: Id,
  productBranch: ProductBranch,
  state: z.string(),
  createdAt: IsoDateTime,
  lowestPremium: z.nullish(Money),
  succeedProductsCount: z.number().check(z.int()),
  totalProductsCount: z.number().check(z.int()),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const PolicySummary = z.object({
  id: Id,
  proposalId: Id,
  proposalProductId: Id,
  productBranch: ProductBranch,
  insuranceCompanyId: z.union([z.string(), z.number()]),
  insuranceCompanyName: z.nullish(z.string()),
  insuranceCompanyPolicyNumber: z.nullish(z.string()),
  startDate: z.union([IsoDate, IsoDateTime]),
  endDate: z.union([IsoDate, IsoDateTime]),
  grossPremium: Money,
  currency: Currency,
  state: PolicyState,
});
export type PolicySummary = z.infer<typeof PolicySummary>;

const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ totalCount: z.optional(z.number().check(z.int())), items: z.array(item) });

export const graphqlOperations = {
  OpenSaleOpportunityCases: {
    query: `query OpenSaleOpportunityCases($customerId: UUID!, $productBranch: ProductBranch!) {
  cases(where: { customerId: { eq: $customerId }, type: { eq: SALE_OPPORTUNITY }, productBranch: { eq: $productBranch }, status: { eq: OPEN } }, order: [{ createdAt: DESC }]) {
    items { id type status productBranch createdAt assetType assetId }
  }
}`,
    variables: z.object({ customerId: Guid, productBranch: ProductBranch }),
    data: z.object({ cases: page(CaseSummary) }),
  },
  CustomerProposals: {
    query: `query CustomerProposals($customerId: UUID!, $skip: Int!, $take: Int!) {
  proposals(where: { insuredCustomerId: { eq: $customerId } }, order: [{ createdAt: DESC }], skip: $skip, take: $take) {
    totalCount
    items { id productBranch state createdAt lowestPremium succeedProductsCount totalProductsCount }
  }
}`,
    variables: z.object({ customerId: Guid, ...Paging }),
    data: z.object({ proposals: page(ProposalSummary) }),
  },
  CustomerPolicies: {
    query: `query CustomerPolicies($customerId: UUID!, $skip: Int!, $take: Int!) {
  policies(where: { insuredCustomerId: { eq: $customerId } }, order: [{ startDate: DESC }], skip: $skip, take: $take) {
    totalCount
    items { id proposalId proposalProductId productBranch insuranceCompanyId insuranceCompanyName insuranceCompanyPolicyNumber startDate endDate grossPremium currency state }
  }
}`,
    variables: z.object({ customerId: Guid, ...Paging }),
    data: z.object({ policies: page(PolicySummary) }),
  },
} as const;
export type GraphqlOperationName = keyof typeof graphqlOperations;
export type GraphqlVariables<K extends GraphqlOperationName> = z.infer<
  (typeof graphqlOperations)[K]['variables']
>;
export type GraphqlData<K extends GraphqlOperationName> = z.infer<(typeof graphqlOperations)[K]['data']>;

export const GraphqlRequest = z.object({
  query: z.string().check(z.maxLength(4000)),
  operationName: z.optional(z.nullable(z.string())),
  variables: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type GraphqlRequest = z.infer<typeof GraphqlRequest>;

export const GraphqlError = z.object({
  message: z.string(),
  path: z.optional(z.array(z.union([z.string(), z.number()]))),
  extensions: z.optional(z.record(z.string(), z.unknown())),
});

/** `{ data, errors }`: data may be null when errors are present. */
export const GraphqlResponse = z.object({
  data: z.nullish(z.record(z.string(), z.unknown())),
  errors: z.optional(z.array(GraphqlError)),
});

/** Whitespace-insensitive form used to compare a document with the allowed ones. */
export function normalizeGraphqlDocument(query: string): string {
  return query.replace(/[\s,]+/g, ' ').replace(/\s*([{}():\[\]!$=@])\s*/g, '$1').trim();
}

const allowedDocuments = new Map<string, GraphqlOperationName>(
  (Object.keys(graphqlOperations) as GraphqlOperationName[]).map((name) => [
    normalizeGraphqlDocument(graphqlOperations[name].query),
    name,
  ]),
);

/** The operation a request document is, or undefined when it is not one of the widget's. */
export function identifyGraphqlOperation(query: string): GraphqlOperationName | undefined {
  return allowedDocuments.get(normalizeGraphqlDocument(query));
}
