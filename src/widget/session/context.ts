/**
 * The session context. `<insurup-flow>` provides its own FlowSession to the elements inside
 * it. Elements placed on their own (separate CMS blocks) are answered by a page-level
 * provider on `document`, which gives every element with the same proxy URL and product the
 * same page FlowSession — and all of them the same login.
 */
import { createContext, type ContextEvent } from '@lit/context';
import { ProductName } from '../../contract/index.js';
import { authSessionFor, normalizeProxyUrl } from './auth-session.js';
import { FlowSession } from './flow-session.js';
import { storageKey } from './persistence.js';
import { capturePaymentReturn, resetPaymentReturn } from './payment-return.js';
import { emit, type StepName } from '../events.js';

export const sessionContext = createContext<FlowSession>(Symbol.for('insurup-elements.session'));

/** What the page provider reads off a requesting element. */
interface SessionRequester {
  proxyUrl?: string | undefined;
  product?: string | undefined;
  language?: string;
}

const PAGE_SESSIONS = Symbol.for('insurup-elements.page-sessions');
const INSTALLED = Symbol.for('insurup-elements.page-provider');
type Holder = Record<symbol, unknown>;

function pageSessions(): Map<string, FlowSession> {
  const holder = globalThis as unknown as Holder;
  return ((holder[PAGE_SESSIONS] as Map<string, FlowSession> | undefined) ??= new Map());
}

/** The page-level FlowSession for a proxy URL and product (created on first use). */
export function pageSessionFor(proxyUrl: string, product: ProductName, lang?: () => string): FlowSession {
  const url = normalizeProxyUrl(proxyUrl);
  const key = storageKey(url, product, 'page');
  let session = pageSessions().get(key);
  if (!session) {
    session = new FlowSession({ auth: authSessionFor(url, lang), product, storageKey: key });
    pageSessions().set(key, session);
    // Back from a payment page: the return parameters leave the address bar now, whichever
    // element asked. A return this tab did not start is checked by the session of the element
    // that can show it (<insurup-checkout>, <insurup-policy>: the product's page session).
    capturePaymentReturn();
    announceStepChanges(session);
  }
  return session;
}

/**
 * Separately placed elements have no `<insurup-flow>` to announce the customer's progress, so
 * the page session does: `insurup-step-change` on `document` whenever its step changes, the
 * first time once the login is known (restored or not).
 */
function announceStepChanges(session: FlowSession): void {
  if (typeof document === 'undefined') return;
  let shown: StepName | null = null;
  const announce = () => {
    const status = session.auth.status;
    if (status === 'unknown' || status === 'restoring') return;
    // A payment return from another tab is being checked: the step is known once it is answered.
    if (session.foreignReturn?.status === 'checking') return;
    const step = session.step;
    if (step === shown) return;
    const previousStep = shown;
    shown = step;
    emit(document, 'insurup-step-change', { step, previousStep, product: session.product });
  };
  session.subscribe(announce);
  announce();
}

/** For tests (a new page load): forget the page-level flow sessions and the payment return read. */
export function resetPageSessions(): void {
  pageSessions().clear();
  resetPaymentReturn();
}

/** Installs the document-level provider once per page (safe to call many times). */
export function installPageSessionProvider(): void {
  if (typeof document === 'undefined') return;
  const holder = document as unknown as Holder;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  document.addEventListener('context-request', (e: Event) => {
    const event = e as ContextEvent<typeof sessionContext>;
    if (event.context !== sessionContext) return;
    const requester = event.contextTarget as unknown as SessionRequester;
    if (!requester.proxyUrl) return; // the element shows its "not configured" message
    const product = ProductName.safeParse(requester.product ?? 'kasko');
    if (!product.success) return;
    event.stopPropagation();
    const lang = () => requester.language ?? 'tr';
    event.callback(pageSessionFor(requester.proxyUrl, product.data, lang), event.subscribe ? () => {} : undefined);
  });
}
