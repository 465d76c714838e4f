/**
 * The one table of every InsurUp endpoint this project knows. The widget's client types and
 * parses its calls from it, the proxy builds its allowlist from it, and the sandbox routes
 * through it (a test proves it answers every row).
 *
 * Paths are matched literally except for `{name}` parameters, so the colons in
 * `/api/cases:new-sale-opportunity` are never read as parameters.
 */
import * as z from './zod.js';
import { NoContent, ValueText } from './z.js';
import * as auth from './auth.js';
import * as customers from './customers.js';
import * as vehicles from './vehicles.js';
import * as properties from './properties.js';
import * as cases from './cases.js';
import * as proposals from './proposals.js';
import * as purchase from './purchase.js';
import * as policies from './policies.js';
import { CoverageResponse } from './coverage.js';
import { CoverageChoices } from './coverage-choices.js';
import { GraphqlRequest, GraphqlResponse, GRAPHQL_PATH } from './graphql.js';
import { HUB_PATH } from './realtime.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `id`: an opaque id (GUID, 24-hex, ...); `int`: a small positive integer. */
export type ParamKind = 'id' | 'int';

export const PARAM_PATTERNS: Record<ParamKind, string> = {
  id: '[A-Za-z0-9][A-Za-z0-9_-]{0,63}',
  int: '[1-9][0-9]{0,2}',
};

export interface EndpointDef {
  method: HttpMethod;
  path: string;
  params?: Readonly<Record<string, ParamKind>>;
  /** Query parameters and their schema; no other query keys are forwarded. */
  query?: z.ZodMiniObject;
  request?: z.ZodMiniType;
  /** Response schema of the upstream API; `NoContent` for 204. */
  response: z.ZodMiniType;
  /** What the browser receives instead, when the proxy changes the answer. */
  browserResponse?: z.ZodMiniType;
  /** Needs `Authorization: Bearer <accessToken>` (the hub takes `access_token` in the query). */
  auth: boolean;
  /** Allowed through the agency proxy. The rest is for the agency's back office. */
  customerFacing: boolean;
  /** A WebSocket endpoint (the SignalR hub). */
  websocket?: boolean;
}

const list = z.array(ValueText);
const ref = <N extends string>(name: N) =>
  z.object({ [name]: z.string().check(z.minLength(1), z.maxLength(64)) } as Record<N, z.ZodMiniString<string>>);
const productPath = '/api/proposals/{proposalId}/products/{proposalProductId}';
const productParams = { proposalId: 'id', proposalProductId: 'id' } as const;
const addressLevel = <Q extends string>(level: string, query: Q) =>
  ({
    method: 'GET',
    path: `/api/address-parameters/${level}`,
    query: ref(query),
    response: list,
    auth: true,
    customerFacing: true,
  }) as const;
const coverageChoices = (branch: string) =>
  ({
    method: 'GET',
    path: `/api/coverage-choices:${branch}`,
    query: z.object({ insuranceCompanyId: z.optional(z.string().check(z.maxLength(64))) }),
    response: CoverageChoices,
    auth: true,
    customerFacing: false,
  }) as const;

export const endpoints = {
  // Auth
  loginOrRegister: {
    method: 'POST', path: '/api/auth/customer/login-or-register',
    request: auth.LoginOrRegisterRequest, response: auth.LoginOrRegisterResponse,
    auth: false, customerFacing: true,
  },
  verifyMfa: {
    method: 'POST', path: '/api/auth/customer/verify-mfa',
    request: auth.VerifyMfaRequest, response: auth.TokenResponse,
    browserResponse: auth.BrowserTokenResponse, auth: false, customerFacing: true,
  },
  refreshToken: {
    method: 'POST', path: '/api/auth/customer/refresh',
    request: auth.RefreshRequest, response: auth.TokenResponse,
    browserResponse: auth.BrowserTokenResponse, auth: false, customerFacing: true,
  },

  // Customer
  getMe: {
    method: 'GET', path: '/api/customers/me', response: customers.Customer,
    auth: true, customerFacing: true,
  },
  getHealthInfo: {
    method: 'GET', path: '/api/customers/{customerId}/health-info', params: { customerId: 'id' },
    response: customers.HealthInfo, auth: true, customerFacing: true,
  },
  updateHealthInfo: {
    method: 'PUT', path: '/api/customers/{customerId}/health-info', params: { customerId: 'id' },
    request: customers.UpdateHealthInfoRequest, response: NoContent, auth: true, customerFacing: true,
  },

  // Vehicles
  listVehicles: {
    method: 'GET', path: '/api/customers/me/vehicles', response: vehicles.VehicleList,
    auth: true, customerFacing: true,
  },
  createVehicle: {
    method: 'POST', path: '/api/customers/{customerId}/vehicles', params: { customerId: 'id' },
    request: vehicles.CreateVehicleRequest, response: vehicles.CreateVehicleResponse,
    auth: true, customerFacing: true,
  },
  lookupVehicle: {
    method: 'POST', path: '/api/customers/{customerId}/vehicles/external-lookup',
    params: { customerId: 'id' }, request: vehicles.VehicleLookupRequest,
    response: vehicles.VehicleLookupResponse, auth: true, customerFacing: true,
  },
  listVehicleBrands: {
    method: 'GET', path: '/api/vehicle-parameters/brands', response: list,
    auth: true, customerFacing: true,
  },
  listVehicleModels: {
    method: 'GET', path: '/api/vehicle-parameters/models', query: vehicles.ModelsQuery,
    response: list, auth: true, customerFacing: true,
  },

  // Properties and addresses
  listProperties: {
    method: 'GET', path: '/api/customers/me/properties', response: properties.PropertyList,
    auth: true, customerFacing: true,
  },
  createProperty: {
    method: 'POST', path: '/api/customers/{customerId}/properties', params: { customerId: 'id' },
    request: properties.CreatePropertyRequest, response: properties.CreatePropertyResponse,
    auth: true, customerFacing: true,
  },
  queryAddressByPropertyNumber: {
    method: 'POST', path: '/api/properties/query-address-by-property-number',
    request: properties.QueryAddressRequest, response: properties.QueryAddressResponse,
    auth: true, customerFacing: true,
  },
  listCities: {
    method: 'GET', path: '/api/address-parameters/cities', response: list, auth: true, customerFacing: true,
  },
  listDistricts: addressLevel('districts', 'cityReference'),
  listTowns: addressLevel('towns', 'districtReference'),
  listNeighbourhoods: addressLevel('neighbourhoods', 'townReference'),
  listStreets: addressLevel('streets', 'neighbourhoodReference'),
  listBuildings: addressLevel('buildings', 'streetReference'),
  listApartments: addressLevel('apartments', 'buildingReference'),

  // Cases
  createSaleOpportunity: {
    method: 'POST', path: '/api/cases:new-sale-opportunity',
    request: cases.NewSaleOpportunityRequest, response: cases.NewSaleOpportunityResponse,
    auth: true, customerFacing: true,
  },

  // Proposals
  createProposal: {
    method: 'POST', path: '/api/proposals', request: proposals.CreateProposalRequest,
    response: proposals.CreateProposalResponse, auth: true, customerFacing: true,
  },
  getProposal: {
    method: 'GET', path: '/api/proposals/{proposalId}', params: { proposalId: 'id' },
    response: proposals.Proposal, auth: true, customerFacing: true,
  },
  listProposalProducts: {
    method: 'GET', path: '/api/proposals/{proposalId}/products', params: { proposalId: 'id' },
    response: proposals.ProposalProductList, auth: true, customerFacing: true,
  },
  compareProducts: {
    method: 'POST', path: '/api/proposals/{proposalId}/products/compare-pdf',
    params: { proposalId: 'id' }, request: proposals.ComparePdfRequest,
    response: proposals.DocumentLink, auth: true, customerFacing: true,
  },
  getProposalProduct: {
    method: 'GET', path: productPath, params: productParams,
    response: proposals.ProposalProduct, auth: true, customerFacing: true,
  },
  getProductCoverage: {
    method: 'GET', path: `${productPath}/coverage`, params: productParams,
    response: CoverageResponse, auth: true, customerFacing: true,
  },
  getProductDocument: {
    method: 'GET', path: `${productPath}/document`, params: productParams,
    response: proposals.DocumentLink, auth: true, customerFacing: true,
  },
  getProductInformationForm: {
    method: 'GET', path: `${productPath}/information-form-document`, params: productParams,
    response: proposals.DocumentLink, auth: true, customerFacing: true,
  },
  getProductPremium: {
    method: 'GET', path: `${productPath}/premiums/{installmentNumber}`,
    params: { ...productParams, installmentNumber: 'int' },
    response: proposals.PremiumDetail, auth: true, customerFacing: true,
  },
  retryProduct: {
    method: 'POST', path: `${productPath}/retry`, params: productParams,
    response: NoContent, auth: true, customerFacing: true,
  },

  // Purchase
  purchaseAsync: {
    method: 'POST', path: `${productPath}/purchase/async`, params: productParams,
    request: purchase.PurchaseAsyncRequest, response: purchase.PurchaseAsyncResponse,
    auth: true, customerFacing: true,
  },
  purchaseSync: {
    method: 'POST', path: `${productPath}/purchase/sync`, params: productParams,
    request: purchase.PurchaseSyncRequest, response: purchase.PurchaseSyncResponse,
    auth: true, customerFacing: false,
  },

  // Policies
  getPolicy: {
    method: 'GET', path: '/api/policies/{policyId}', params: { policyId: 'id' },
    response: policies.Policy, auth: true, customerFacing: true,
  },
  getPolicyDocument: {
    method: 'GET', path: '/api/policies/{policyId}/document', params: { policyId: 'id' },
    response: proposals.DocumentLink, auth: true, customerFacing: true,
  },
  sendPolicyDocument: {
    method: 'POST', path: '/api/policies/{policyId}/document/send', params: { policyId: 'id' },
    request: policies.SendPolicyDocumentRequest, response: NoContent, auth: true, customerFacing: true,
  },

  // Coverage choices (back office: building coverage groups)
  coverageChoicesKasko: coverageChoices('kasko'),
  coverageChoicesTss: coverageChoices('tss'),
  coverageChoicesKonut: coverageChoices('konut'),
  coverageChoicesImm: coverageChoices('imm'),

  // GraphQL and the SignalR hub
  graphql: {
    method: 'POST', path: GRAPHQL_PATH, request: GraphqlRequest, response: GraphqlResponse,
    auth: true, customerFacing: true,
  },
  proposalHub: {
    method: 'GET', path: HUB_PATH,
    query: z.object({ access_token: z.string().check(z.minLength(1), z.maxLength(4096)) }),
    response: NoContent, auth: true, customerFacing: true, websocket: true,
  },
} as const satisfies Record<string, EndpointDef>;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;
export const ENDPOINT_IDS = Object.keys(endpoints) as EndpointId[];

// ---------------------------------------------------------------------------------------------
// Matching

interface CompiledEndpoint {
  id: EndpointId;
  def: EndpointDef;
  regex: RegExp;
  paramNames: string[];
  literalLength: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(id: EndpointId, def: EndpointDef): CompiledEndpoint {
  const paramNames: string[] = [];
  let literalLength = 0;
  const source = def.path
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
      if (name) {
        const kind = def.params?.[name];
        if (!kind) throw new Error(`endpoint ${id}: parameter {${name}} has no kind`);
        paramNames.push(name);
        return `(${PARAM_PATTERNS[kind]})`;
      }
      literalLength += part.length;
      return escapeRegex(part);
    })
    .join('');
  return { id, def, regex: new RegExp(`^${source}$`), paramNames, literalLength };
}

// Literal-heavy paths first, so `/products/compare-pdf` wins over `/products/{id}`.
const compiled: CompiledEndpoint[] = ENDPOINT_IDS.map((id) => compile(id, endpoints[id])).sort(
  (a, b) => b.literalLength - a.literalLength,
);

export interface EndpointMatch {
  id: EndpointId;
  endpoint: EndpointDef;
  params: Record<string, string>;
}

/**
 * Finds the endpoint for a method and a raw (still percent-encoded) path. Parameters must be
 * plain ids, so `..`, encoded slashes or dots and absolute URLs never match.
 */
export function matchEndpoint(method: string, rawPath: string): EndpointMatch | undefined {
  const upper = method.toUpperCase();
  for (const entry of compiled) {
    if (entry.def.method !== upper) continue;
    const m = entry.regex.exec(rawPath);
    if (!m) continue;
    const params: Record<string, string> = {};
    entry.paramNames.forEach((name, i) => (params[name] = m[i + 1]!));
    return { id: entry.id, endpoint: entry.def, params };
  }
  return undefined;
}

/** Whether any endpoint has this path (for answering 405 instead of 404). */
export function pathIsKnown(rawPath: string): boolean {
  return compiled.some((entry) => entry.regex.test(rawPath));
}

type ParamsOf<E> = E extends { params: infer P } ? { [K in keyof P]: string | number } : undefined;

/** Fills `{name}` placeholders; values must be valid for their kind. */
export function buildPath<K extends EndpointId>(id: K, params: ParamsOf<Endpoints[K]>): string {
  const def: EndpointDef = endpoints[id];
  return def.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = String((params as Record<string, string | number> | undefined)?.[name] ?? '');
    const kind = def.params?.[name] ?? 'id';
    if (!new RegExp(`^${PARAM_PATTERNS[kind]}$`).test(value)) {
      throw new Error(`${id}: invalid path parameter ${name}`);
    }
    return value;
  });
}

// ---------------------------------------------------------------------------------------------
// Types derived from the table

export type EndpointParams<K extends EndpointId> = ParamsOf<Endpoints[K]>;
export type EndpointQuery<K extends EndpointId> = Endpoints[K] extends { query: infer Q extends z.ZodMiniType }
  ? z.input<Q>
  : undefined;
export type EndpointRequest<K extends EndpointId> = Endpoints[K] extends { request: infer R extends z.ZodMiniType }
  ? z.input<R>
  : undefined;
export type EndpointResponse<K extends EndpointId> = z.output<Endpoints[K]['response']>;
/** What the browser gets: `browserResponse` when the proxy rewrites the answer. */
export type BrowserResponse<K extends EndpointId> = Endpoints[K] extends {
  browserResponse: infer B extends z.ZodMiniType;
}
  ? z.output<B>
  : EndpointResponse<K>;
