/**
 * Quotes test support: a logged-in customer with a vehicle (the flow at its quotes step), the
 * element mounted on it, and readers of its cards as a customer sees them.
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/widget/elements/insurup-quotes/element.js';
import type { InsurupQuotes } from '../../../src/widget/elements/insurup-quotes/element.js';
import type { InsurupFlow } from '../../../src/widget/elements/insurup-flow/element.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';
import type { InsurupQuoteCard } from '../../../src/widget/elements/insurup-quotes/quote-card.js';
import { pageSessionFor } from '../../../src/widget/session/context.js';
import type { FlowSession } from '../../../src/widget/session/flow-session.js';
import { clearSandboxFaults, loginViaApi, sandboxCatalog, sandboxConfig, testEnv, until } from '../support/env.js';
import { visibleText } from '../core/dom.js';

export interface CatalogView {
  insurers: Array<{ id: number; name: string; productType: 'WEB_SERVICE' | 'ROBOT'; branches: string[]; supportedPaymentOptions: string[] }>;
  coverageGroups: Array<{ id: string; name: string; branch: string }>;
  registry: Array<{
    plate: { city: number; code: string };
    brand: { value: string; text: string };
    model: { value: string; text: string };
    year: number;
    utilizationStyle: string;
  }>;
}

let catalog: Promise<CatalogView> | undefined;
export const catalogView = () => (catalog ??= sandboxCatalog<CatalogView>());

export async function kaskoGroupIds(count = 1): Promise<string[]> {
  return (await catalogView()).coverageGroups.filter((g) => g.branch === 'KASKO').slice(0, count).map((g) => g.id);
}

/**
 * Logs a new customer in and saves a vehicle, leaving the page's kasko flow at the quotes
 * step. The sandbox seeds each insurer's answer by plate and chassis, so `chassis` picks a
 * different (but repeatable) set of outcomes.
 */
export async function kaskoFlowAtQuotes(chassis = `WVWZZZ1JZ${Date.now() % 1e8}`): Promise<FlowSession> {
  const auth = await loginViaApi();
  const id = await createVehicle(auth, chassis);
  const { proxyUrl } = await testEnv();
  const session = pageSessionFor(proxyUrl, 'kasko');
  session.completeAsset({ type: 'VEHICLE', id });
  return session;
}

/** Saves a registry vehicle for the logged-in customer; answers its id. */
async function createVehicle(auth: AuthSession, chassis: string): Promise<string> {
  const { registry } = await catalogView();
  const entry = registry[0]!;
  const customerId = auth.customer!.id;
  const { id } = await auth.client.request('createVehicle', {
    params: { customerId },
    body: {
      customerId,
      plate: { city: 34, code: 'TST' + String(100 + (Date.now() % 900)) },
      modelYear: entry.year,
      brandReference: entry.brand.value,
      modelTypeReference: entry.model.value,
      utilizationStyle: 'PRIVATE_CAR',
      fuel: { type: 'GASOLINE' },
      engine: 'ENG' + chassis.slice(-6),
      chassis,
      documentSerial: null,
      registrationDate: '2022-03-01',
    },
  });
  return id;
}

export interface FlowMountOptions {
  lang?: string;
  paymentTypes?: string;
  agencyPhone?: string;
  contactUrl?: string;
  chassis?: string;
  /** Put the flow in a page column with margins, as on the demo's agency page (288 px cards at 360 px). */
  inColumn?: boolean;
}

/**
 * A whole `<insurup-flow>` (the page's way) with a logged-in customer whose vehicle is saved,
 * at its quotes step; answers the flow and the quotes element it shows.
 */
export async function mountFlowAtQuotes(options: FlowMountOptions = {}): Promise<{ flow: InsurupFlow; quotes: InsurupQuotes }> {
  await import('../../../src/widget/elements/insurup-flow/element.js');
  const auth = await loginViaApi();
  const id = await createVehicle(auth, options.chassis ?? `FLOW${Date.now() % 1e8}`);
  const { proxyUrl } = await testEnv();
  const groups = await kaskoGroupIds(1);
  const element = html`<insurup-flow
    product="kasko"
    proxy-url=${proxyUrl}
    lang=${options.lang ?? 'tr'}
    coverage-group-ids=${groups.join(',')}
    payment-types=${ifDefined(options.paymentTypes)}
    agency-phone=${ifDefined(options.agencyPhone)}
    contact-url=${ifDefined(options.contactUrl)}
  ></insurup-flow>`;
  const flow = options.inColumn
    ? (await fixture<HTMLElement>(html`<main style="padding-inline: 1.75em">${element}</main>`)).querySelector('insurup-flow')!
    : await fixture<InsurupFlow>(element);
  const session = await until(() => (flow.session?.auth.isAuthenticated && flow.session.step === 'asset' ? flow.session : null), 'the flow at its asset step');
  session.completeAsset({ type: 'VEHICLE', id });
  const quotes = await until(() => flow.shadowRoot!.querySelector('insurup-quotes'), 'the quotes step');
  return { flow, quotes };
}

export interface MountOptions {
  groups?: string[];
  lang?: string;
  pollInterval?: number;
  quoteTimeout?: number;
  announceDelay?: number;
  /** The agency's phone; `null` leaves the attribute out. */
  agencyPhone?: string | null;
  /** The agency's contact page; `null` leaves the attribute out. */
  contactUrl?: string | null;
  paymentTypes?: string;
}

export async function mountQuotes(options: MountOptions = {}): Promise<InsurupQuotes> {
  const { proxyUrl } = await testEnv();
  const groups = options.groups ?? (await kaskoGroupIds(1));
  return fixture<InsurupQuotes>(html`<insurup-quotes
    proxy-url=${proxyUrl}
    product="kasko"
    lang=${options.lang ?? 'tr'}
    coverage-group-ids=${groups.join(',')}
    poll-interval=${options.pollInterval ?? 3000}
    quote-timeout=${options.quoteTimeout ?? 120000}
    announce-delay=${options.announceDelay ?? 300}
    agency-phone=${ifDefined(options.agencyPhone === null ? undefined : (options.agencyPhone ?? '0212 555 00 00'))}
    contact-url=${ifDefined(options.contactUrl === null ? undefined : (options.contactUrl ?? 'https://acente.example/iletisim'))}
    payment-types=${ifDefined(options.paymentTypes)}
  ></insurup-quotes>`);
}

export type CardState = 'waiting' | 'active' | 'failed';

/** The cards in the order shown. */
export function cards(el: InsurupQuotes): InsurupQuoteCard[] {
  return [...el.shadowRoot!.querySelectorAll('insurup-quote-card')];
}

export function cardState(card: InsurupQuoteCard): CardState | null {
  const part = card.shadowRoot?.querySelector('article')?.getAttribute('part') ?? '';
  return (/card-(waiting|active|failed)/.exec(part)?.[1] as CardState | undefined) ?? null;
}

export const cardsIn = (el: InsurupQuotes, state: CardState) => cards(el).filter((c) => cardState(c) === state);

export function insurerOf(card: InsurupQuoteCard): string {
  return card.shadowRoot!.querySelector('h3')!.textContent!.trim();
}

export function priceOf(card: InsurupQuoteCard): string {
  return visibleText(card.shadowRoot!.querySelector('[part="price"]')!);
}

/** Parses `₺12.345,67` (Turkish) into a number. */
export function amountOf(text: string): number {
  return Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
}

export function inCard<T extends Element = HTMLElement>(card: InsurupQuoteCard, selector: string): T | null {
  return card.shadowRoot!.querySelector<T>(selector);
}

/** Waits until every card has settled (no placeholder left) and the feed says so. */
export async function untilComplete(el: InsurupQuotes, timeoutMs = 20_000): Promise<void> {
  await until(
    () => el.feed.status === 'complete' && cards(el).length > 0 && cardsIn(el, 'waiting').length === 0,
    'every quote to settle',
    timeoutMs,
  );
  await el.updateComplete;
}

/**
 * The sandbox is shared by every browser test file of a run: these suites change its quote
 * delays, so they put the run's settings back when they end.
 */
export function keepSandboxConfig(): void {
  let saved: { quoteDelay: [number, number] } | undefined;
  before(async () => {
    const { sandboxUrl } = await testEnv();
    saved = (await (await fetch(`${sandboxUrl}/sandbox/config`)).json()) as { quoteDelay: [number, number] };
  });
  after(async () => {
    await clearSandboxFaults();
    if (saved) await sandboxConfig({ quoteDelay: saved.quoteDelay });
  });
}

export async function untilProposal(el: InsurupQuotes): Promise<string> {
  return until(() => el.session?.state.proposalId ?? null, 'the proposal to be created');
}
