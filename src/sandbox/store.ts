/**
 * The sandbox's in-memory state. Plain records in maps; the services change them and the
 * routes turn them into contract shapes. Nothing here knows about HTTP.
 */
import type { AssetType, Channel, ProductBranch } from '../contract/branches.js';
import type { CaseStatus } from '../contract/cases.js';
import type { Coverage } from '../contract/coverage.js';
import type { CustomerType, HealthInfo } from '../contract/customers.js';
import type { PaymentOption, Premium, ProductState, ProductType } from '../contract/proposals.js';
import type { Address } from '../contract/properties.js';
import type { Property } from '../contract/properties.js';
import type { Vehicle } from '../contract/vehicles.js';
import type { CoverageGroup } from './catalog/coverage.js';
import type { Insurer } from './catalog/insurers.js';
import type { QuoteSubject } from './services/quotes.js';

export interface CustomerRecord {
  id: string;
  type: CustomerType;
  /** TCKN or YKN as 11 digits; null for companies. */
  identityNumber: string | null;
  /** VKN as 10 digits; companies only. */
  taxNumber: string | null;
  fullName: string;
  title: string | null;
  birthDate: string | null;
  gender: 'UNKNOWN' | 'MALE' | 'FEMALE';
  phone: { countryCode: number; number: string };
  email: string | null;
  /** The agent the customer registered through, and the one of the latest login. */
  registeredAgentId: string;
  agentId: string;
  agentBranchId: string | null;
  createdAt: string;
}

export interface MfaChallenge {
  token: string;
  customerId: string;
  code: string;
  wrongAttempts: number;
  expiresAt: number;
  state: 'pending' | 'used' | 'burned';
}

/** One login: its refresh tokens rotate inside it; reuse of an old one revokes the family. */
export interface TokenFamily {
  id: string;
  customerId: string;
  revokedAt: number | null;
  createdAt: number;
}

export interface RefreshTokenRecord {
  token: string;
  familyId: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface SmsMessage {
  phone: string;
  countryCode: number;
  code: string;
  text: string;
  sentAt: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  policyId: string;
  attachment: { filename: string; contentType: 'application/pdf' };
  sentAt: string;
}

export type VehicleRecord = Vehicle & { createdAt: string };
export type PropertyRecord = Property & { customerId: string; createdAt: string };

export interface CaseRecord {
  id: string;
  customerId: string;
  type: 'SALE_OPPORTUNITY';
  status: CaseStatus;
  productBranch: ProductBranch;
  channel: Channel;
  assetType: AssetType | null;
  assetId: string | null;
  agentBranchId: string | null;
  advertisingSource: string | null;
  campaign: string | null;
  proposalIds: string[];
  policyId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalRecord {
  id: string;
  customerId: string;
  insurerCustomerId: string;
  insuredCustomerId: string;
  branch: ProductBranch;
  assetType: AssetType | null;
  assetId: string | null;
  coverageGroupIds: string[];
  channel: Channel;
  caseId: string | null;
  productIds: string[];
  /** What pricing needs, fixed when the proposal is made (a retry prices the same thing). */
  subject: QuoteSubject;
  createdAt: string;
}

export interface ProductRecord {
  id: string;
  proposalId: string;
  insurer: Insurer;
  branch: ProductBranch;
  productId: number;
  productName: string;
  productType: ProductType;
  supportedPaymentOptions: PaymentOption[];
  coverageGroup: CoverageGroup;
  state: ProductState;
  errorMessage: string | null;
  premiums: Premium[];
  coverage: Coverage | null;
  policyId: string | null;
  needsInvestigationByCompany: boolean;
  hasUndamagedDiscount: boolean;
  /** 0 for the first quote, then one more per retry. */
  attempt: number;
}

export interface PolicyRecord {
  id: string;
  customerId: string;
  proposalId: string;
  proposalProductId: string;
  insurerId: number;
  insurerName: string;
  productName: string;
  branch: ProductBranch;
  grossPremium: number;
  netPremium: number;
  installmentNumber: number;
  paymentType: string;
  currency: 'TURKISH_LIRA';
  policyNumber: string;
  startDate: string;
  endDate: string;
  state: 'ACTIVE' | 'END_OF_LIFE' | 'CANCELLED';
  createdAt: string;
}

export type PaymentPageKind = 'bank-3d-secure' | 'third-party-3d-secure' | 'insurer-page';

export interface PaymentSession {
  id: string;
  customerId: string;
  proposalId: string;
  productId: string;
  paymentType: string;
  page: PaymentPageKind;
  installmentNumber: number;
  amount: number;
  callbackUrl: string;
  /** Masked card (3-D Secure types); the insurer page collects its own. */
  maskedCard: string | null;
  holderName: string | null;
  decision: null | { approved: true; policyId: string } | { approved: false; error: string };
  expiresAt: number;
  createdAt: string;
}

export class SandboxStore {
  readonly customers = new Map<string, CustomerRecord>();
  /** `INDIVIDUAL:12345678901` → customer id. */
  readonly customersByIdentity = new Map<string, string>();
  readonly mfa = new Map<string, MfaChallenge>();
  readonly families = new Map<string, TokenFamily>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly sms: SmsMessage[] = [];
  readonly mail: MailMessage[] = [];
  readonly healthInfo = new Map<string, HealthInfo>();
  readonly vehicles = new Map<string, VehicleRecord>();
  readonly properties = new Map<string, PropertyRecord>();
  readonly cases = new Map<string, CaseRecord>();
  readonly proposals = new Map<string, ProposalRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly policies = new Map<string, PolicyRecord>();
  readonly payments = new Map<string, PaymentSession>();

  vehiclesOf(customerId: string): VehicleRecord[] {
    return [...this.vehicles.values()].filter((v) => v.customerId === customerId);
  }

  propertiesOf(customerId: string): PropertyRecord[] {
    return [...this.properties.values()].filter((p) => p.customerId === customerId);
  }

  productsOf(proposal: ProposalRecord): ProductRecord[] {
    return proposal.productIds.map((id) => this.products.get(id)!);
  }

  openCaseOf(customerId: string, branch: ProductBranch): CaseRecord | undefined {
    return [...this.cases.values()]
      .filter((c) => c.customerId === customerId && c.productBranch === branch && c.status === 'OPEN')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }
}

export type { Address };
