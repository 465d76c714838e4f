/** Store records → contract shapes, shared by the REST routes and GraphQL. */
import type { Policy } from '../contract/policies.js';
import type { Proposal, ProposalProduct } from '../contract/proposals.js';
import type { PolicyRecord, ProductRecord, ProposalRecord, SandboxStore } from './store.js';

export function toProduct(p: ProductRecord): ProposalProduct {
  return {
    id: p.id,
    insuranceCompanyId: p.insurer.id,
    insuranceCompanyName: p.insurer.name,
    insuranceCompanyLogo: p.insurer.logo,
    productId: p.productId,
    productName: p.productName,
    productType: p.productType,
    state: p.state,
    errorMessage: p.errorMessage,
    policyId: p.policyId,
    premiums: p.premiums,
    coverageGroupId: p.coverageGroup.id,
    coverageGroupName: p.coverageGroup.name,
    supportedPaymentOptions: p.supportedPaymentOptions,
    needsInvestigationByCompany: p.needsInvestigationByCompany,
    hasUndamagedDiscount: p.hasUndamagedDiscount,
    coverage: p.coverage,
  };
}

/** The numbers a proposal shows: WAITING while any product waits, then COMPLETED. */
export function proposalStats(store: SandboxStore, proposal: ProposalRecord) {
  const products = store.productsOf(proposal);
  const gross = products.filter((p) => p.premiums.length > 0).map((p) => p.premiums[0]!.grossPremium);
  return {
    products,
    state: products.some((p) => p.state === 'WAITING') ? 'WAITING' : 'COMPLETED',
    totalProductsCount: products.length,
    succeedProductsCount: gross.length,
    lowestPremium: gross.length ? Math.min(...gross) : null,
    highestPremium: gross.length ? Math.max(...gross) : null,
  };
}

export function toProposal(store: SandboxStore, proposal: ProposalRecord): Proposal {
  const { products, ...stats } = proposalStats(store, proposal);
  return {
    proposalId: proposal.id,
    productBranch: proposal.branch,
    createdAt: proposal.createdAt,
    ...stats,
    products: products.map(toProduct),
  };
}

export function toPolicy(p: PolicyRecord): Policy {
  return {
    id: p.id,
    proposalId: p.proposalId,
    proposalProductId: p.proposalProductId,
    insuranceCompanyId: p.insurerId,
    productBranch: p.branch,
    grossPremium: p.grossPremium,
    netPremium: p.netPremium,
    installmentNumber: p.installmentNumber,
    paymentType: p.paymentType,
    currency: p.currency,
    insuranceCompanyPolicyNumber: p.policyNumber,
    startDate: p.startDate,
    endDate: p.endDate,
    state: p.state,
  };
}
