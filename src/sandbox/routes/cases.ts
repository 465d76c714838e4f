/**
 * `POST /api/cases:new-sale-opportunity`. The guide asks for one open case per customer and
 * branch; asking again while one is open answers that case (and links the asset when given)
 * instead of opening a duplicate.
 */
import { assetTypeOf, productOf } from '../../contract/branches.js';
import { fieldError, inputValidation, notFound } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';
import { uniqueIsoNow } from '../clock.js';
import { randomGuid } from '../random.js';
import type { CaseRecord } from '../store.js';
import { requireOwnCustomer } from './guards.js';

export const caseRoutes = {
  createSaleOpportunity: ({ body, principal, sb }) => {
    requireOwnCustomer(principal, body.customerId);
    const expected = assetTypeOf(productOf(body.productBranch));
    if (body.assetType !== null && body.assetType !== expected) {
      throw inputValidation([
        fieldError(['assetType'], `${body.productBranch} için varlık tipi ${expected ?? 'boş (null)'} olmalıdır.`, body.assetType),
      ]);
    }
    if ((body.assetType === null) !== (body.assetId === null)) {
      throw inputValidation([fieldError(['assetId'], "'assetType' ve 'assetId' birlikte gönderilmeli ya da ikisi de boş olmalıdır.", body.assetId)]);
    }
    if (body.assetId) {
      const owned =
        body.assetType === 'VEHICLE'
          ? sb.store.vehicles.get(body.assetId)?.customerId === principal.customerId
          : sb.store.properties.get(body.assetId)?.customerId === principal.customerId;
      if (!owned) throw notFound('Varlık bulunamadı ya da bu müşteriye ait değil.', body.assetType === 'VEHICLE' ? 'VEHICLE_NOT_FOUND' : 'PROPERTY_NOT_FOUND');
    }
    const now = uniqueIsoNow();
    const open = sb.store.openCaseOf(principal.customerId, body.productBranch);
    if (open) {
      if (body.assetId) {
        open.assetType = body.assetType;
        open.assetId = body.assetId;
        open.updatedAt = now;
      }
      return { id: open.id };
    }
    const record: CaseRecord = {
      id: randomGuid(),
      customerId: principal.customerId,
      type: 'SALE_OPPORTUNITY',
      status: 'OPEN',
      productBranch: body.productBranch,
      channel: body.channel,
      assetType: body.assetType,
      assetId: body.assetId,
      agentBranchId: body.agentBranchId ?? null,
      advertisingSource: body.advertisingSource ?? null,
      campaign: body.campaign ?? null,
      proposalIds: [],
      policyId: null,
      createdAt: now,
      updatedAt: now,
    };
    sb.store.cases.set(record.id, record);
    return { id: record.id };
  },
} satisfies Partial<HandlerMap>;
