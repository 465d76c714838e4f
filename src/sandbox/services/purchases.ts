/**
 * Buying a product. purchase/async checks the product and the card and opens a payment page
 * (a bank's 3-D Secure page or the insurer's own page); the customer's decision there finishes
 * the purchase. purchase/sync finishes it at once. Completing is synchronous (no await between
 * the state check and PURCHASED), so concurrent or repeated purchases make exactly one policy.
 */
import type { PaymentOption } from '../../contract/proposals.js';
import type { Card, PurchaseAsyncRequest, PurchaseSyncRequest } from '../../contract/purchase.js';
import { luhnValid, validateCardExpiry, maskCardNumber } from '../../widget/validation/index.js';
import { businessRule, fieldError, inputValidation, invalidState } from '../errors.js';
import { uniqueNow } from '../clock.js';
import { randomHex, randomObjectId } from '../random.js';
import type { PaymentPageKind, PaymentSession, PolicyRecord, ProductRecord, ProposalRecord, SandboxStore } from '../store.js';
import type { ValidationError } from '../../contract/problems.js';
import type { ProductEvents } from './events.js';

const PAYMENT_SESSION_TTL_S = 15 * 60;

const ASYNC_OPTIONS: Record<PurchaseAsyncRequest['$type'], { option: PaymentOption; page: PaymentPageKind }> = {
  '3d-secure': { option: 'ASYNC_3D_SECURE', page: 'bank-3d-secure' },
  'third-party-3d-secure': { option: 'ASYNC_THIRD_PARTY_3D_SECURE', page: 'third-party-3d-secure' },
  'insurance-company-redirect': { option: 'ASYNC_INSURANCE_COMPANY_REDIRECT', page: 'insurer-page' },
};

const SYNC_OPTIONS: Record<PurchaseSyncRequest['$type'], PaymentOption> = {
  'credit-card': 'SYNC_CREDIT_CARD',
  'open-account': 'SYNC_OPEN_ACCOUNT',
};

export interface PurchaseDeps {
  store: SandboxStore;
  events: ProductEvents;
}

/** Card checks shared by the API and the insurer's own page: Luhn and an expiry not past. */
export function cardErrors(card: Pick<Card, 'number' | 'expiryMonth' | 'expiryYear'>, prefix: string[] = ['card']): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!luhnValid(card.number)) errors.push(fieldError([...prefix, 'number'], 'Kart numarası geçersiz.', card.number));
  const expiry = validateCardExpiry(`${card.expiryMonth}/${card.expiryYear}`);
  if (expiry === 'cardExpired') {
    errors.push(fieldError([...prefix, 'expiryYear'], 'Kartın son kullanma tarihi geçmiş.', `${card.expiryMonth}/${card.expiryYear}`));
  } else if (expiry) {
    errors.push(fieldError([...prefix, 'expiryYear'], 'Son kullanma tarihi geçersiz.', `${card.expiryMonth}/${card.expiryYear}`));
  }
  return errors;
}

export class PurchaseService {
  constructor(private readonly deps: PurchaseDeps) {}

  /** Checks in the order InsurUp answers them: input, then product type and state, then the offer. */
  private checkPurchasable(
    product: ProductRecord,
    body: { proposalId: string; proposalProductId: string; installmentNumber: number },
    option: PaymentOption,
    card: Card | undefined,
  ): number {
    const errors: ValidationError[] = [];
    if (body.proposalId !== product.proposalId) {
      errors.push(fieldError(['proposalId'], "Gövdedeki 'proposalId' adresteki teklif kimliğiyle aynı olmalıdır.", body.proposalId));
    }
    if (body.proposalProductId !== product.id) {
      errors.push(fieldError(['proposalProductId'], "Gövdedeki 'proposalProductId' adresteki ürün kimliğiyle aynı olmalıdır.", body.proposalProductId));
    }
    if (card) errors.push(...cardErrors(card));
    if (errors.length) throw inputValidation(errors);
    if (product.productType === 'ROBOT') {
      throw invalidState('Robot ürünler API üzerinden satın alınamaz; sigorta şirketiyle görüşün.', 'PRODUCT_IS_ROBOT');
    }
    this.requireActive(product);
    if (!product.supportedPaymentOptions.includes(option)) {
      throw businessRule(
        `${product.insurer.name} bu ürün için ${option} ödeme tipini desteklemiyor. Desteklenenler: ${product.supportedPaymentOptions.join(', ') || 'yok'}.`,
        'PAYMENT_TYPE_NOT_SUPPORTED',
      );
    }
    const premium = product.premiums.find((p) => p.installmentNumber === body.installmentNumber);
    if (!premium) {
      throw businessRule(
        `${body.installmentNumber} taksit bu teklifte yok. Seçenekler: ${product.premiums.map((p) => p.installmentNumber).join(', ')}.`,
        'INSTALLMENT_NOT_AVAILABLE',
      );
    }
    return premium.grossPremium;
  }

  private requireActive(product: ProductRecord): void {
    switch (product.state) {
      case 'ACTIVE':
        return;
      case 'PURCHASED':
        throw invalidState('Bu ürün zaten satın alındı.', 'PRODUCT_ALREADY_PURCHASED');
      case 'PURCHASING':
        throw invalidState('Bu ürün için ödeme işlemi sürüyor.', 'PRODUCT_PURCHASE_IN_PROGRESS');
      case 'WAITING':
        throw invalidState('Teklif henüz hazır değil; fiyat gelince yeniden deneyin.', 'PRODUCT_NOT_ACTIVE');
      case 'FAILED':
        throw invalidState('Bu teklif alınamadı; satın alınamaz.', 'PRODUCT_NOT_ACTIVE');
    }
  }

  startAsync(customerId: string, product: ProductRecord, body: PurchaseAsyncRequest): PaymentSession {
    const { option, page } = ASYNC_OPTIONS[body.$type];
    const card = 'card' in body ? body.card : undefined;
    const amount = this.checkPurchasable(product, body, option, card);
    const session: PaymentSession = {
      id: randomHex(16),
      customerId,
      proposalId: product.proposalId,
      productId: product.id,
      paymentType: option,
      page,
      installmentNumber: body.installmentNumber,
      amount,
      callbackUrl: body.callbackUrl,
      maskedCard: card ? maskCardNumber(card.number) : null,
      holderName: card?.holderName ?? null,
      decision: null,
      expiresAt: Date.now() + PAYMENT_SESSION_TTL_S * 1000,
      createdAt: new Date().toISOString(),
    };
    this.deps.store.payments.set(session.id, session);
    return session;
  }

  purchaseSync(product: ProductRecord, body: PurchaseSyncRequest): PolicyRecord {
    const option = SYNC_OPTIONS[body.$type];
    this.checkPurchasable(product, body, option, 'card' in body ? body.card : undefined);
    return this.complete(product, option, body.installmentNumber);
  }

  /** Approve on a payment page. The outcome is kept, so a resubmitted form gets the same answer. */
  approve(session: PaymentSession): PaymentSession['decision'] {
    if (session.decision) return session.decision;
    const product = this.deps.store.products.get(session.productId)!;
    if (product.state !== 'ACTIVE') {
      // Another payment of the same product got there first: this one is not taken.
      session.decision = {
        approved: false,
        error: product.state === 'PURCHASED' ? 'Bu ürün zaten satın alındı; ödeme alınmadı.' : 'Ürün satın alınabilir durumda değil; ödeme alınmadı.',
      };
      return session.decision;
    }
    const policy = this.complete(product, session.paymentType, session.installmentNumber);
    session.decision = { approved: true, policyId: policy.id };
    return session.decision;
  }

  decline(session: PaymentSession, error: string): PaymentSession['decision'] {
    if (session.decision) return session.decision;
    session.decision = { approved: false, error };
    const product = this.deps.store.products.get(session.productId)!;
    // The product never left ACTIVE; the customer may pay again.
    this.deps.events.emit('ReceiveProposalProductPurchaseFailed', product, { errorMessage: error });
    return session.decision;
  }

  private complete(product: ProductRecord, paymentType: string, installmentNumber: number): PolicyRecord {
    const { store, events } = this.deps;
    this.requireActive(product);
    product.state = 'PURCHASING';
    events.emit('ReceiveProposalProductPurchasing', product, {});

    const proposal = store.proposals.get(product.proposalId)!;
    const premium = product.premiums.find((p) => p.installmentNumber === installmentNumber)!;
    const start = new Date(uniqueNow());
    const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()));
    const policy: PolicyRecord = {
      id: randomObjectId(),
      customerId: proposal.customerId,
      proposalId: proposal.id,
      proposalProductId: product.id,
      insurerId: product.insurer.id,
      insurerName: product.insurer.name,
      productName: product.productName,
      branch: product.branch,
      grossPremium: premium.grossPremium,
      netPremium: premium.netPremium,
      installmentNumber,
      paymentType,
      currency: 'TURKISH_LIRA',
      policyNumber: `${product.insurer.code}-${start.getUTCFullYear()}-${randomHex(4).toUpperCase()}${String(store.policies.size + 1).padStart(4, '0')}`,
      startDate: start.toISOString().slice(0, 10),
      endDate: end.toISOString().slice(0, 10),
      state: 'ACTIVE',
      createdAt: start.toISOString(),
    };
    store.policies.set(policy.id, policy);
    product.state = 'PURCHASED';
    product.policyId = policy.id;
    events.emit('ReceiveProposalProductPurchased', product, { policyId: policy.id });
    this.closeCase(proposal, policy);
    return policy;
  }

  /** A sale closes the sales-opportunity case as SUCCESS. */
  private closeCase(proposal: ProposalRecord, policy: PolicyRecord): void {
    const { store } = this.deps;
    const linked = proposal.caseId ? store.cases.get(proposal.caseId) : undefined;
    const target = linked?.status === 'OPEN' ? linked : store.openCaseOf(proposal.customerId, proposal.branch);
    if (!target) return;
    target.status = 'SUCCESS';
    target.policyId = policy.id;
    target.updatedAt = policy.createdAt;
  }
}
