/**
 * Finding the caller's own records. Another customer's proposal or policy answers 404 like a
 * missing one, so ids cannot be probed.
 */
import type { SandboxServices } from '../context.js';
import { notFound } from '../errors.js';
import type { Principal } from '../services/tokens.js';
import type { PolicyRecord, ProductRecord, ProposalRecord } from '../store.js';

export function ownProposal(sb: SandboxServices, principal: Principal, proposalId: string): ProposalRecord {
  const proposal = sb.store.proposals.get(proposalId);
  if (!proposal || proposal.customerId !== principal.customerId) {
    throw notFound(`${proposalId} kimlikli teklif bulunamadı.`, 'PROPOSAL_NOT_FOUND');
  }
  return proposal;
}

export function ownProduct(
  sb: SandboxServices,
  principal: Principal,
  params: Record<string, string>,
): { proposal: ProposalRecord; product: ProductRecord } {
  const proposal = ownProposal(sb, principal, params.proposalId!);
  const product = sb.store.products.get(params.proposalProductId!);
  if (!product || product.proposalId !== proposal.id) {
    throw notFound(`${params.proposalProductId} kimlikli teklif ürünü bu teklifte bulunamadı.`, 'PROPOSAL_PRODUCT_NOT_FOUND');
  }
  return { proposal, product };
}

export function ownPolicy(sb: SandboxServices, principal: Principal, policyId: string): PolicyRecord {
  const policy = sb.store.policies.get(policyId);
  if (!policy || policy.customerId !== principal.customerId) {
    throw notFound(`${policyId} kimlikli poliçe bulunamadı.`, 'POLICY_NOT_FOUND');
  }
  return policy;
}
