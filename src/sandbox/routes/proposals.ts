/** Proposals, their products as they arrive, premiums, coverage, documents, compare and retry. */
import { documentUrl } from '../documents/links.js';
import { businessRule, fieldError, inputValidation, invalidState, notFound } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';
import { paymentPlan } from '../services/pricing.js';
import { createProposal } from '../services/proposals.js';
import type { ProductRecord } from '../store.js';
import { toProduct, toProposal } from '../views.js';
import { ownProduct, ownProposal } from './lookup.js';

function requireQuoted(product: ProductRecord, what: string): void {
  if (product.premiums.length === 0) {
    throw invalidState(
      product.state === 'FAILED'
        ? `Bu ürün için teklif alınamadı; ${what} yok.`
        : `Teklif henüz hazır değil; ${what} fiyat gelince hazır olur.`,
      'PRODUCT_NOT_ACTIVE',
    );
  }
}

export const proposalRoutes = {
  createProposal: ({ body, principal, sb }) => {
    const proposal = createProposal({ catalog: sb.catalog, store: sb.store, quotes: sb.quotes }, principal, body);
    return { proposalId: proposal.id };
  },

  getProposal: ({ params, principal, sb }) => toProposal(sb.store, ownProposal(sb, principal, params.proposalId!)),

  listProposalProducts: ({ params, principal, sb }) =>
    sb.store.productsOf(ownProposal(sb, principal, params.proposalId!)).map(toProduct),

  getProposalProduct: ({ params, principal, sb }) => toProduct(ownProduct(sb, principal, params).product),

  getProductCoverage: ({ params, principal, sb }) => {
    const { product } = ownProduct(sb, principal, params);
    requireQuoted(product, 'teminat bilgisi');
    return { coverage: product.coverage! };
  },

  getProductPremium: ({ params, principal, sb }) => {
    const { product } = ownProduct(sb, principal, params);
    requireQuoted(product, 'prim bilgisi');
    const n = Number(params.installmentNumber);
    const premium = product.premiums.find((p) => p.installmentNumber === n);
    if (!premium) {
      throw notFound(
        `${n} taksitli prim yok. Seçenekler: ${product.premiums.map((p) => p.installmentNumber).join(', ')}.`,
        'PREMIUM_NOT_FOUND',
      );
    }
    return { ...premium, paymentPlan: paymentPlan(premium) };
  },

  getProductDocument: async ({ params, principal, sb, origin }) => {
    const { product } = ownProduct(sb, principal, params);
    requireQuoted(product, 'teklif belgesi');
    return { url: await documentUrl(sb.signer, origin, { kind: 'offer', productId: product.id }) };
  },

  getProductInformationForm: async ({ params, principal, sb, origin }) => {
    const { product } = ownProduct(sb, principal, params);
    requireQuoted(product, 'bilgilendirme formu');
    return { url: await documentUrl(sb.signer, origin, { kind: 'information-form', productId: product.id }) };
  },

  compareProducts: async ({ params, body, principal, sb, origin }) => {
    const proposal = ownProposal(sb, principal, params.proposalId!);
    if (new Set(body.proposalProductIds).size !== body.proposalProductIds.length) {
      throw inputValidation([fieldError(['proposalProductIds'], 'Aynı ürün birden fazla gönderilmiş.', body.proposalProductIds)]);
    }
    for (const id of body.proposalProductIds) {
      const product = sb.store.products.get(id);
      if (!product || product.proposalId !== proposal.id) {
        throw notFound(`${id} kimlikli ürün bu teklifte bulunamadı.`, 'PROPOSAL_PRODUCT_NOT_FOUND');
      }
      if (product.premiums.length === 0) {
        throw businessRule(`${product.insurer.name} için fiyat yok; yalnızca fiyatı gelen ürünler karşılaştırılabilir.`, 'PRODUCT_NOT_ACTIVE');
      }
    }
    return { url: await documentUrl(sb.signer, origin, { kind: 'compare', productIds: body.proposalProductIds }) };
  },

  retryProduct: ({ params, principal, sb }) => {
    const { proposal, product } = ownProduct(sb, principal, params);
    if (product.state !== 'FAILED') {
      throw invalidState('Yalnızca teklifi alınamayan (FAILED) ürünler yeniden denenebilir.', 'PRODUCT_NOT_FAILED');
    }
    sb.quotes.retry(product, proposal.subject);
    return undefined;
  },
} satisfies Partial<HandlerMap>;
