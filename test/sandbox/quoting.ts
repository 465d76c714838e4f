/** Test set-up shared by the payment, hub and GraphQL tests: a customer with a settled kasko proposal. */
import assert from 'node:assert/strict';
import { Api, freshIdentity, individualLogin, login, waitFor } from './helpers.js';

export async function customerWithVehicle(api: Api, label = 'vehicle') {
  const { customerId } = await login(api, individualLogin(freshIdentity(label)));
  const catalog = (await api.get('/sandbox/catalog')).body;
  const entry = catalog.registry[2];
  const vehicle = await api.post(`/api/customers/${customerId}/vehicles`, {
    customerId,
    plate: entry.plate,
    modelYear: entry.year,
    brandReference: entry.brand.value,
    modelTypeReference: entry.model.value,
    utilizationStyle: 'PRIVATE_CAR',
    fuel: { type: 'DIESEL' },
    documentSerial: entry.documentSerial,
  });
  assert.equal(vehicle.status, 200, JSON.stringify(vehicle.body));
  return { customerId, vehicleId: vehicle.body.id as string, catalog };
}

export async function createKaskoProposal(api: Api, customerId: string, vehicleId: string, catalog: any, groups = 1) {
  const coverageGroupIds = catalog.coverageGroups.filter((g: { branch: string }) => g.branch === 'KASKO').slice(0, groups).map((g: { id: string }) => g.id);
  const created = await api.post('/api/proposals', {
    $type: 'kasko', productBranch: 'KASKO', vehicleId, insurerCustomerId: customerId, insuredCustomerId: customerId, coverageGroupIds, channel: 'WEBSITE',
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return created.body.proposalId as string;
}

export async function settledProposal(api: Api, proposalId: string) {
  return waitFor('the proposal to settle', async () => {
    const answer = await api.get(`/api/proposals/${proposalId}`);
    return answer.body.state === 'COMPLETED' ? answer.body : undefined;
  });
}

export function card(overrides: Record<string, string> = {}) {
  return { number: '4111111111111111', cvc: '123', expiryMonth: '12', expiryYear: String(new Date().getUTCFullYear() + 2), holderName: 'Ali Veli', ...overrides };
}

export const CALLBACK = 'https://agency.example/return?x=1';
