/**
 * Asking for quotes: the proposal body for the flow's product and asset, and a guard so one
 * flow never creates two proposals, however many elements or task runs ask at once.
 */
import type { CreateProposalRequest } from '../../../contract/proposals.js';
import type { FlowSession } from '../../session/flow-session.js';
import type { FlowState } from '../../session/flow-state.js';

/** The POST /api/proposals body, or null when the flow lacks the asset its product insures. */
export function proposalRequestFor(
  state: Readonly<FlowState>,
  customerId: string,
  coverageGroupIds: string[],
): CreateProposalRequest | null {
  const base = {
    insurerCustomerId: customerId,
    insuredCustomerId: customerId,
    coverageGroupIds,
    channel: 'WEBSITE' as const,
  };
  const asset = state.asset;
  switch (state.product) {
    case 'kasko':
    case 'trafik':
    case 'imm':
      if (asset?.type !== 'VEHICLE') return null;
      return {
        $type: state.product,
        productBranch: state.product.toUpperCase() as 'KASKO' | 'TRAFIK' | 'IMM',
        vehicleId: asset.id,
        ...base,
      } as CreateProposalRequest;
    case 'konut':
    case 'dask':
      if (asset?.type !== 'PROPERTY') return null;
      return {
        $type: state.product,
        productBranch: state.product.toUpperCase() as 'KONUT' | 'DASK',
        propertyId: asset.id,
        ...base,
      } as CreateProposalRequest;
    case 'tss':
      return { $type: 'tss', productBranch: 'TSS', ...base };
  }
}

const creating = new WeakMap<FlowSession, Promise<string>>();

/**
 * The flow's proposal id, creating the proposal when there is none yet. The POST is never
 * aborted (an aborted POST may still have created a proposal we would then not know about):
 * it finishes, and its id goes into the session, where a reload finds it.
 */
export function ensureProposal(
  session: FlowSession,
  body: CreateProposalRequest,
  onCreated: (proposalId: string) => void,
): Promise<string> {
  const existing = session.state.proposalId;
  if (existing) return Promise.resolve(existing);
  let pending = creating.get(session);
  if (!pending) {
    const assetId = session.state.asset?.id ?? null;
    pending = session.client
      .request('createProposal', { body })
      .then(({ proposalId }) => {
        // The customer may have changed the asset meanwhile: then this proposal is not theirs any more.
        if ((session.state.asset?.id ?? null) === assetId && !session.state.proposalId) {
          session.setProposal(proposalId);
          onCreated(proposalId);
        }
        return session.state.proposalId ?? proposalId;
      })
      .finally(() => creating.delete(session));
    creating.set(session, pending);
  }
  return pending;
}
