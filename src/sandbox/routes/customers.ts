/** The logged-in customer and their health information (TSS). */
import type { Customer } from '../../contract/customers.js';
import { businessRule, notFound } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';
import type { CustomerRecord } from '../store.js';
import { requireOwnCustomer, requireSameCustomerId } from './guards.js';

function toCustomer(record: CustomerRecord): Customer {
  return {
    id: record.id,
    type: record.type,
    fullName: record.fullName,
    identityNumber: record.identityNumber,
    birthDate: record.birthDate,
    gender: record.gender,
    maritalStatus: 'UNKNOWN',
    job: null,
    primaryEmail: record.email,
    primaryPhoneNumber: record.phone,
    city: null,
    district: null,
    createdAt: record.createdAt,
    title: record.title,
    taxNumber: record.taxNumber,
  };
}

export const customerRoutes = {
  getMe: ({ principal, sb }) => toCustomer(sb.store.customers.get(principal.customerId)!),

  getHealthInfo: ({ params, principal, sb }) => {
    requireOwnCustomer(principal, params.customerId!);
    const info = sb.store.healthInfo.get(principal.customerId);
    if (!info) throw notFound('Sağlık bilgileri henüz girilmemiş.', 'HEALTH_INFO_NOT_FOUND');
    return info;
  },

  updateHealthInfo: ({ params, body, principal, sb }) => {
    requireOwnCustomer(principal, params.customerId!);
    requireSameCustomerId(params.customerId!, body.customerId);
    if (sb.store.customers.get(principal.customerId)!.type === 'COMPANY') {
      throw businessRule('Kurumsal müşteriler için sağlık bilgisi girilemez.', 'HEALTH_INFO_NOT_APPLICABLE');
    }
    const previous = sb.store.healthInfo.get(principal.customerId);
    sb.store.healthInfo.set(principal.customerId, {
      height: body.height,
      weight: body.weight,
      surgeries: previous?.surgeries ?? [],
      diseases: previous?.diseases ?? [],
    });
    return undefined;
  },
} satisfies Partial<HandlerMap>;
