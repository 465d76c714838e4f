/**
 * The quote engine. Every product starts WAITING and settles on its own after a seeded delay
 * within `quoteDelay`: ACTIVE with premiums and a coverage, or FAILED with a reason. Outcomes
 * are seeded by the insurer, the insured asset and the coverage group, so the same request
 * gets the same quotes. A transient failure (the insurer's service timed out) succeeds on
 * retry; an underwriting refusal fails again with the same reason.
 */
import type { ProductBranch } from '../../contract/branches.js';
import { coverageFor, type CoverageContext } from '../catalog/coverage.js';
import type { RuntimeConfig } from '../options.js';
import { seededRng } from '../random.js';
import type { ProductRecord, SandboxStore } from '../store.js';
import type { TimerSet } from '../timers.js';
import type { ProductEvents } from './events.js';
import { premiumsFor, type PricingSubject } from './pricing.js';

const TRANSIENT_FAILURES = [
  'Sigorta şirketinin servisi zaman aşımına uğradı; yeniden deneyebilirsiniz.',
  'Sigorta şirketinin servisi şu anda yanıt vermiyor; yeniden deneyebilirsiniz.',
];

const PERMANENT_FAILURES: Record<ProductBranch, string[]> = {
  KASKO: ['Araç, sigorta şirketinin kabul kriterlerine uymuyor.', 'Aracın hasar geçmişi nedeniyle sigorta şirketi teklif vermedi.'],
  TRAFIK: ['Sigorta şirketi bu araç tipi için trafik teklifi vermiyor.'],
  IMM: ['Sigorta şirketi bu araç için İMM teklifi vermiyor.'],
  DASK: ['Binanın UAVT kaydı sigorta şirketinin sisteminde doğrulanamadı.'],
  KONUT: ['Bina yaşı nedeniyle sigorta şirketi teklif vermedi.'],
  TSS: ['Sağlık beyanınız nedeniyle sigorta şirketi çevrim içi teklif vermedi.'],
};

/** What a proposal insures, as pricing and coverage need it. */
export interface QuoteSubject {
  /** Stable key of the insured thing (vehicle, home or customer) for seeding. */
  assetKey: string;
  pricing: Omit<PricingSubject, 'branch' | 'tier' | 'insurer'>;
  coverage: CoverageContext;
}

export interface QuoteDeps {
  seed: number;
  store: SandboxStore;
  events: ProductEvents;
  timers: TimerSet;
  config: () => RuntimeConfig;
}

export class QuoteEngine {
  constructor(private readonly deps: QuoteDeps) {}

  /** Schedules the product's answer; the product must be WAITING. */
  start(product: ProductRecord, subject: QuoteSubject): void {
    const { seed, timers, config, events } = this.deps;
    const [min, max] = config().quoteDelay;
    const rng = seededRng(seed, 'quote', product.insurer.id, product.branch, subject.assetKey, product.coverageGroup.id, product.attempt);
    events.emit('ReceiveProposalProductInProgress', product, {});
    timers.after(rng.int(min, max), () => this.settle(product, subject));
  }

  /** FAILED → WAITING, then answers again. */
  retry(product: ProductRecord, subject: QuoteSubject): void {
    product.attempt += 1;
    product.state = 'WAITING';
    product.errorMessage = null;
    this.start(product, subject);
  }

  private settle(product: ProductRecord, subject: QuoteSubject): void {
    if (product.state !== 'WAITING') return;
    const { seed, events } = this.deps;
    const key = [product.insurer.id, product.branch, subject.assetKey, product.coverageGroup.id] as const;
    const fate = seededRng(seed, 'fate', ...key);
    const fails = fate.chance(product.insurer.failureRate);
    const permanent = fate.chance(0.4);
    const reason = permanent ? fate.pick(PERMANENT_FAILURES[product.branch]) : fate.pick(TRANSIENT_FAILURES);
    if (fails && (product.attempt === 0 || permanent)) {
      product.state = 'FAILED';
      product.errorMessage = reason;
      events.emit('ReceiveProposalProductFailed', product, { errorMessage: reason });
      return;
    }
    const price = seededRng(seed, 'price', ...key);
    const proposalNumber = `${product.insurer.code}-${new Date().getUTCFullYear()}-${price.digits(8)}`;
    product.premiums = premiumsFor(
      { ...subject.pricing, branch: product.branch, tier: product.coverageGroup.tier, insurer: product.insurer },
      price,
      proposalNumber,
    );
    product.coverage = coverageFor(product.branch, product.coverageGroup.tier, price, subject.coverage);
    const vehicleBranch = product.branch === 'KASKO' || product.branch === 'TRAFIK' || product.branch === 'IMM';
    product.hasUndamagedDiscount = vehicleBranch && price.chance(0.6);
    product.needsInvestigationByCompany = product.branch === 'KASKO' && price.chance(0.08);
    product.state = 'ACTIVE';
    events.emit('ReceiveProposalProductSuccess', product, { premiums: product.premiums, coverage: product.coverage });
  }
}
