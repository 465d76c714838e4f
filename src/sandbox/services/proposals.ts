/**
 * Creating a proposal: InsurUp's checks (the customer's own asset, coverage groups of the
 * branch, height and weight for TSS), one product per insurer and coverage group, and the link
 * to the customer's open sales-opportunity case of that branch.
 */
import { assetTypeOf } from '../../contract/branches.js';
import type { CreateProposalRequest } from '../../contract/proposals.js';
import { insurersQuoting, type Catalog } from '../catalog/index.js';
import { productOf } from '../catalog/insurers.js';
import { findModel } from '../catalog/vehicles.js';
import { accessDenied, businessRule, fieldError, inputValidation, notFound } from '../errors.js';
import { randomObjectId } from '../random.js';
import type { ProductRecord, ProposalRecord, SandboxStore } from '../store.js';
import { uniqueNow } from '../clock.js';
import { buildingSumInsured } from './pricing.js';
import type { QuoteEngine, QuoteSubject } from './quotes.js';
import type { Principal } from './tokens.js';

export interface ProposalDeps {
  catalog: Catalog;
  store: SandboxStore;
  quotes: QuoteEngine;
}

function ageOf(birthDate: string | null, now = new Date()): number | undefined {
  if (!birthDate) return undefined;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return now.getUTCFullYear() - y - (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d) ? 1 : 0);
}

export function createProposal(deps: ProposalDeps, principal: Principal, body: CreateProposalRequest): ProposalRecord {
  const { catalog, store, quotes } = deps;
  const customerId = principal.customerId;
  if (body.insurerCustomerId !== customerId || body.insuredCustomerId !== customerId) {
    throw accessDenied('Sigorta ettiren ve sigortalı, giriş yapan müşteri olmalıdır.', 'CUSTOMER_MISMATCH');
  }
  // The contract's union already ties `$type` to `productBranch`.
  const branch = body.productBranch;
  if (new Set(body.coverageGroupIds).size !== body.coverageGroupIds.length) {
    throw inputValidation([fieldError(['coverageGroupIds'], 'Aynı teminat grubu birden fazla gönderilmiş.', body.coverageGroupIds)]);
  }
  const groups = body.coverageGroupIds.map((id) => {
    const group = catalog.coverageGroups.find((g) => g.id === id.toLowerCase());
    if (!group) throw businessRule(`${id} kimlikli teminat grubu bulunamadı.`, 'COVERAGE_GROUP_NOT_FOUND');
    if (group.branch !== branch) {
      throw businessRule(`'${group.name}' teminat grubu ${branch} branşına ait değil.`, 'COVERAGE_GROUP_BRANCH_MISMATCH');
    }
    return group;
  });

  const customer = store.customers.get(customerId)!;
  let subject: QuoteSubject;
  let assetId: string | null = null;
  if ('vehicleId' in body) {
    const vehicle = store.vehicles.get(body.vehicleId);
    if (!vehicle || vehicle.customerId !== customerId) {
      throw notFound('Araç bulunamadı ya da bu müşteriye ait değil.', 'VEHICLE_NOT_FOUND');
    }
    assetId = vehicle.id;
    subject = {
      assetKey: `vehicle:${vehicle.plate.city}${vehicle.plate.code}:${vehicle.chassisNumber ?? vehicle.id}`,
      pricing: {
        vehicleNewPrice: findModel(vehicle.model.brand.value, vehicle.model.type.value)?.newPrice,
        modelYear: vehicle.model.year,
        utilizationStyle: vehicle.utilizationStyle,
        plateCity: vehicle.plate.city,
      },
      coverage: {},
    };
  } else if ('propertyId' in body) {
    const property = store.properties.get(body.propertyId);
    if (!property || property.customerId !== customerId) {
      throw notFound('Konut bulunamadı ya da bu müşteriye ait değil.', 'PROPERTY_NOT_FOUND');
    }
    assetId = property.id;
    subject = {
      assetKey: `property:${property.number}`,
      pricing: { squareMeter: property.squareMeter, constructionYear: property.constructionYear },
      coverage: { buildingSumInsured: buildingSumInsured(branch, property.squareMeter) },
    };
  } else {
    if (customer.type === 'COMPANY') {
      throw businessRule('Tamamlayıcı sağlık sigortası yalnızca bireysel müşterilere verilir.', 'PROPOSAL_INDIVIDUAL_ONLY');
    }
    const health = store.healthInfo.get(customerId);
    if (!health) {
      throw businessRule(
        'Tamamlayıcı sağlık teklifi için boy ve kilo bilgisi gereklidir.',
        'PROPOSAL_HEIGHT_REQUIRED',
        'PROPOSAL_WEIGHT_REQUIRED',
      );
    }
    subject = { assetKey: `customer:${customerId}:${health.height}:${health.weight}`, pricing: { age: ageOf(customer.birthDate) }, coverage: {} };
  }

  const now = uniqueNow();
  const proposal: ProposalRecord = {
    id: randomObjectId(now),
    customerId,
    insurerCustomerId: body.insurerCustomerId,
    insuredCustomerId: body.insuredCustomerId,
    branch,
    assetType: assetTypeOf(body.$type),
    assetId,
    coverageGroupIds: groups.map((g) => g.id),
    channel: body.channel,
    caseId: null,
    productIds: [],
    subject,
    createdAt: new Date(now).toISOString(),
  };
  store.proposals.set(proposal.id, proposal);

  const products: ProductRecord[] = [];
  for (const group of groups) {
    for (const insurer of insurersQuoting(catalog, branch)) {
      const { productId, productName } = productOf(insurer, branch);
      const product: ProductRecord = {
        id: randomObjectId(now),
        proposalId: proposal.id,
        insurer,
        branch,
        productId,
        productName,
        productType: insurer.productType,
        supportedPaymentOptions: insurer.supportedPaymentOptions,
        coverageGroup: group,
        state: 'WAITING',
        errorMessage: null,
        premiums: [],
        coverage: null,
        policyId: null,
        needsInvestigationByCompany: false,
        hasUndamagedDiscount: false,
        attempt: 0,
      };
      store.products.set(product.id, product);
      proposal.productIds.push(product.id);
      products.push(product);
    }
  }

  // The guide: a proposal moves the open case of its branch on and links its asset to it.
  const openCase = store.openCaseOf(customerId, branch);
  if (openCase) {
    proposal.caseId = openCase.id;
    openCase.proposalIds.push(proposal.id);
    if (assetId) {
      openCase.assetType = proposal.assetType;
      openCase.assetId = assetId;
    }
    openCase.updatedAt = proposal.createdAt;
  }

  for (const product of products) quotes.start(product, subject);
  return proposal;
}
