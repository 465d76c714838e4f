/**
 * The sales-opportunity case (integration guide 2.3): right after login, before the customer
 * enters the asset, InsurUp's CRM gets one open SALE_OPPORTUNITY case per customer and branch,
 * so an agency sees the lead even when the customer leaves before quoting. Check first over
 * GraphQL; create only when none is open.
 *
 * `ensureSaleOpportunityCase` is idempotent and safe to call concurrently: `<insurup-flow>`
 * calls it when the asset step begins, and separately placed asset forms may call it too.
 * Every caller for the same customer and branch on the page shares one check-and-create, the
 * resulting id is remembered in the FlowSession (so a reload does not create a second), and
 * the attribution travels with the case: `agent-branch-id` and the page's `utm_source` /
 * `utm_campaign` as `advertisingSource` / `campaign`.
 */
import { branchOf, Guid, type NewSaleOpportunityRequest } from '../../contract/index.js';
import { InsurUpError } from '../api/errors.js';
import type { InsurUpClient } from '../api/client.js';
import type { AuthSession } from './auth-session.js';
import type { FlowSession } from './flow-session.js';
import type { FlowState } from './flow-state.js';
import { sessionStore } from './persistence.js';

export interface PageUtm {
  /** `utm_source`, sent as the case's `advertisingSource`. */
  source: string | null;
  /** `utm_campaign`, sent as the case's `campaign`. */
  campaign: string | null;
}

export interface CaseOptions {
  /** The agency branch (a GUID) the case is attributed to; anything else is left out. */
  agentBranchId?: string | null | undefined;
  /** Campaign attribution; default: the page's UTM parameters (see `pageUtm()`). */
  utm?: PageUtm | undefined;
  /** Stops this caller waiting; the shared check-and-create carries on for the others. */
  signal?: AbortSignal | undefined;
}

const UTM_KEY = 'insurup:v1:utm';
const MAX_ATTRIBUTION = 200;

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim().slice(0, MAX_ATTRIBUTION);
  return trimmed ? trimmed : null;
}

/**
 * The page's campaign tags. A visitor lands on `/?utm_source=google&utm_campaign=kasko-2026`
 * and may browse on before buying, so tags seen once are kept for the tab (sessionStorage;
 * campaign names are not personal data) and the latest landing's tags win.
 */
export function pageUtm(search: string = typeof location === 'undefined' ? '' : location.search): PageUtm {
  const params = new URLSearchParams(search);
  const fromUrl: PageUtm = { source: clean(params.get('utm_source')), campaign: clean(params.get('utm_campaign')) };
  const store = sessionStore();
  if (fromUrl.source || fromUrl.campaign) {
    try {
      store?.setItem(UTM_KEY, JSON.stringify(fromUrl));
    } catch {
      // attribution is best effort
    }
    return fromUrl;
  }
  try {
    const saved = JSON.parse(store?.getItem(UTM_KEY) ?? 'null') as Partial<PageUtm> | null;
    if (saved && typeof saved === 'object') {
      return {
        source: typeof saved.source === 'string' ? clean(saved.source) : null,
        campaign: typeof saved.campaign === 'string' ? clean(saved.campaign) : null,
      };
    }
  } catch {
    // unreadable: no attribution
  }
  return { source: null, campaign: null };
}

// One check-and-create per customer and branch per page login, shared by every flow and
// element (kept per AuthSession, which is page-wide per proxy URL).
const casesByAuth = new WeakMap<AuthSession, Map<string, Promise<string>>>();

function casesOf(auth: AuthSession): Map<string, Promise<string>> {
  let cases = casesByAuth.get(auth);
  if (!cases) {
    cases = new Map();
    casesByAuth.set(auth, cases);
  }
  return cases;
}

interface CaseInput {
  customerId: string;
  branch: NewSaleOpportunityRequest['productBranch'];
  asset: FlowState['asset'];
  agentBranchId: string | null;
  utm: PageUtm;
}

async function findOrCreate(client: InsurUpClient, input: CaseInput): Promise<string> {
  const found = await client.graphql('OpenSaleOpportunityCases', {
    customerId: input.customerId,
    productBranch: input.branch,
  });
  const open = found.cases.items[0];
  if (open) return open.id;
  const body: NewSaleOpportunityRequest = {
    customerId: input.customerId,
    assetType: input.asset?.type ?? null,
    assetId: input.asset?.id ?? null,
    productBranch: input.branch,
    channel: 'WEBSITE',
    ...(input.agentBranchId ? { agentBranchId: input.agentBranchId } : {}),
    ...(input.utm.source ? { advertisingSource: input.utm.source } : {}),
    ...(input.utm.campaign ? { campaign: input.utm.campaign } : {}),
  };
  const created = await client.request('createSaleOpportunity', { body });
  return created.id;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new InsurUpError('aborted', 'aborted', 'createSaleOpportunity'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new InsurUpError('aborted', 'aborted', 'createSaleOpportunity'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Answers the id of the customer's open sale-opportunity case for the session's product,
 * creating it when there is none. Needs a logged-in customer (rejects `unauthorized`
 * otherwise). A failure is not remembered, so calling again retries.
 */
export async function ensureSaleOpportunityCase(session: FlowSession, options: CaseOptions = {}): Promise<string> {
  const known = session.state.caseId;
  if (known) return known;
  const auth = session.auth;
  const customer = auth.customer;
  if (!auth.isAuthenticated || !customer) {
    throw new InsurUpError('unauthorized', 'not logged in', 'createSaleOpportunity', 401);
  }
  const branch = branchOf(session.product);
  const key = `${customer.id}|${branch}`;
  const cases = casesOf(auth);
  let pending = cases.get(key);
  if (!pending) {
    const agentBranchId = Guid.safeParse(options.agentBranchId?.trim()).success ? options.agentBranchId!.trim() : null;
    pending = findOrCreate(auth.client, {
      customerId: customer.id,
      branch,
      asset: session.state.asset,
      agentBranchId,
      utm: options.utm ?? pageUtm(),
    });
    cases.set(key, pending);
    const settled = pending;
    settled.catch(() => {
      if (cases.get(key) === settled) cases.delete(key);
    });
  }
  const caseId = await abortable(pending, options.signal);
  // Only when the same customer is still logged in (a logout may have happened meanwhile).
  if (auth.customer?.id === customer.id && session.state.caseId !== caseId) session.update({ caseId });
  return caseId;
}
