/**
 * InsurUp's GraphQL surface as the widget uses it: `cases`, `proposals` and `policies`, always
 * limited to the logged-in customer, with HotChocolate's `where` / `order` / `skip` / `take`.
 * The schema is SDL; the custom scalars get their parsing after the build.
 */
import { buildSchema, GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import type { Principal } from '../services/tokens.js';
import type { SandboxStore } from '../store.js';
import { proposalStats } from '../views.js';
import { matches, paginate, sortBy, type Order, type Where } from './filters.js';

const filterInput = (name: string, type: string) =>
  `input ${name} { eq: ${type} neq: ${type} in: [${type}] nin: [${type}] }`;

export const SDL = /* GraphQL */ `
"A GUID, such as a customer id."
scalar UUID
"An ISO 8601 date-time in UTC."
scalar DateTime
"An ISO 8601 calendar date (YYYY-MM-DD)."
scalar Date
"A money amount in the currency's major unit."
scalar Decimal

enum ProductBranch { KASKO TRAFIK IMM DASK KONUT TSS }
enum CaseType { SALE_OPPORTUNITY RENEWAL COMPLAINT OTHER }
enum CaseStatus { OPEN DELAYED SUCCESS FAIL }
enum AssetType { VEHICLE PROPERTY }
enum Channel { WEBSITE MOBILE_APP CALL_CENTER AGENCY OTHER }
enum PolicyState { ACTIVE END_OF_LIFE CANCELLED }
enum Currency { TURKISH_LIRA US_DOLLAR EURO }
enum SortEnumType { ASC DESC }

${filterInput('UuidOperationFilterInput', 'UUID')}
${filterInput('IdOperationFilterInput', 'ID')}
${filterInput('StringOperationFilterInput', 'String')}
${filterInput('ProductBranchOperationFilterInput', 'ProductBranch')}
${filterInput('CaseTypeOperationFilterInput', 'CaseType')}
${filterInput('CaseStatusOperationFilterInput', 'CaseStatus')}
${filterInput('PolicyStateOperationFilterInput', 'PolicyState')}

type CollectionSegmentInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! }

type Case {
  id: ID!
  customerId: UUID!
  type: CaseType!
  status: CaseStatus!
  productBranch: ProductBranch
  channel: Channel!
  assetType: AssetType
  assetId: ID
  proposalIds: [ID!]!
  policyId: ID
  createdAt: DateTime!
  updatedAt: DateTime!
}
input CaseFilterInput {
  and: [CaseFilterInput!]
  or: [CaseFilterInput!]
  id: IdOperationFilterInput
  customerId: UuidOperationFilterInput
  type: CaseTypeOperationFilterInput
  status: CaseStatusOperationFilterInput
  productBranch: ProductBranchOperationFilterInput
}
input CaseSortInput { createdAt: SortEnumType updatedAt: SortEnumType status: SortEnumType productBranch: SortEnumType }
type CasesCollectionSegment { items: [Case!] pageInfo: CollectionSegmentInfo! totalCount: Int! }

type Proposal {
  id: ID!
  productBranch: ProductBranch!
  state: String!
  insurerCustomerId: UUID!
  insuredCustomerId: UUID!
  caseId: ID
  lowestPremium: Decimal
  highestPremium: Decimal
  succeedProductsCount: Int!
  totalProductsCount: Int!
  createdAt: DateTime!
}
input ProposalFilterInput {
  and: [ProposalFilterInput!]
  or: [ProposalFilterInput!]
  id: IdOperationFilterInput
  insurerCustomerId: UuidOperationFilterInput
  insuredCustomerId: UuidOperationFilterInput
  productBranch: ProductBranchOperationFilterInput
  state: StringOperationFilterInput
}
input ProposalSortInput { createdAt: SortEnumType lowestPremium: SortEnumType productBranch: SortEnumType }
type ProposalsCollectionSegment { items: [Proposal!] pageInfo: CollectionSegmentInfo! totalCount: Int! }

type Policy {
  id: ID!
  proposalId: ID!
  proposalProductId: ID!
  insuredCustomerId: UUID!
  productBranch: ProductBranch!
  insuranceCompanyId: Int!
  insuranceCompanyName: String
  insuranceCompanyPolicyNumber: String
  productName: String!
  paymentType: String!
  installmentNumber: Int!
  grossPremium: Decimal!
  netPremium: Decimal!
  currency: Currency!
  startDate: Date!
  endDate: Date!
  state: PolicyState!
  createdAt: DateTime!
}
input PolicyFilterInput {
  and: [PolicyFilterInput!]
  or: [PolicyFilterInput!]
  id: IdOperationFilterInput
  proposalId: IdOperationFilterInput
  insuredCustomerId: UuidOperationFilterInput
  productBranch: ProductBranchOperationFilterInput
  state: PolicyStateOperationFilterInput
}
input PolicySortInput { startDate: SortEnumType endDate: SortEnumType grossPremium: SortEnumType createdAt: SortEnumType }
type PoliciesCollectionSegment { items: [Policy!] pageInfo: CollectionSegmentInfo! totalCount: Int! }

type Query {
  "The logged-in customer's cases."
  cases(skip: Int, take: Int, where: CaseFilterInput, order: [CaseSortInput!]): CasesCollectionSegment
  "The logged-in customer's proposals."
  proposals(skip: Int, take: Int, where: ProposalFilterInput, order: [ProposalSortInput!]): ProposalsCollectionSegment
  "The logged-in customer's policies."
  policies(skip: Int, take: Int, where: PolicyFilterInput, order: [PolicySortInput!]): PoliciesCollectionSegment
}
`;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function stringScalar(schema: GraphQLSchema, name: string, pattern: RegExp, what: string): void {
  const scalar = schema.getType(name) as GraphQLScalarType;
  const parse = (value: unknown) => {
    if (typeof value !== 'string' || !pattern.test(value)) throw new GraphQLError(`${name} cannot parse the given value: expected ${what}.`);
    return value;
  };
  scalar.serialize = (value) => String(value);
  scalar.parseValue = parse;
  scalar.parseLiteral = (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined);
}

function decimalScalar(schema: GraphQLSchema): void {
  const scalar = schema.getType('Decimal') as GraphQLScalarType;
  const parse = (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new GraphQLError('Decimal cannot parse the given value: expected a number.');
    return value;
  };
  scalar.serialize = (value) => Number(value);
  scalar.parseValue = parse;
  scalar.parseLiteral = (ast: ValueNode) =>
    parse(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : undefined);
}

export function buildInsurUpSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  stringScalar(schema, 'UUID', GUID, 'a GUID');
  stringScalar(schema, 'Date', DATE, 'YYYY-MM-DD');
  stringScalar(schema, 'DateTime', DATE_TIME, 'an ISO 8601 date-time');
  decimalScalar(schema);
  return schema;
}

export interface GraphqlContext {
  principal: Principal;
  store: SandboxStore;
}

interface ListArgs {
  skip?: number | null;
  take?: number | null;
  where?: Where;
  order?: Order;
}

const list = <T extends Record<string, unknown>>(items: T[], args: ListArgs) =>
  paginate(sortBy(items.filter((item) => matches(item, args.where)), args.order), args.skip, args.take);

/** Root resolvers. Each list starts from the customer's own records only. */
export const rootValue = {
  cases: (args: ListArgs, { principal, store }: GraphqlContext) =>
    list(
      [...store.cases.values()].filter((c) => c.customerId === principal.customerId).map((c) => ({ ...c })),
      args,
    ),

  proposals: (args: ListArgs, { principal, store }: GraphqlContext) =>
    list(
      [...store.proposals.values()]
        .filter((p) => p.customerId === principal.customerId)
        .map((p) => {
          const { products: _products, ...stats } = proposalStats(store, p);
          return {
            id: p.id,
            productBranch: p.branch,
            insurerCustomerId: p.insurerCustomerId,
            insuredCustomerId: p.insuredCustomerId,
            caseId: p.caseId,
            createdAt: p.createdAt,
            ...stats,
          };
        }),
      args,
    ),

  policies: (args: ListArgs, { principal, store }: GraphqlContext) =>
    list(
      [...store.policies.values()]
        .filter((p) => p.customerId === principal.customerId)
        .map((p) => ({
          id: p.id,
          proposalId: p.proposalId,
          proposalProductId: p.proposalProductId,
          insuredCustomerId: p.customerId,
          productBranch: p.branch,
          insuranceCompanyId: p.insurerId,
          insuranceCompanyName: p.insurerName,
          insuranceCompanyPolicyNumber: p.policyNumber,
          productName: p.productName,
          paymentType: p.paymentType,
          installmentNumber: p.installmentNumber,
          grossPremium: p.grossPremium,
          netPremium: p.netPremium,
          currency: p.currency,
          startDate: p.startDate,
          endDate: p.endDate,
          state: p.state,
          createdAt: p.createdAt,
        })),
      args,
    ),
};
