/**
 * The catalogue's registered test identities exist from the start, with a saved vehicle, a
 * home and health information, so a demo can show "pick a saved vehicle" and a returning
 * customer's login without registering first.
 */
import type { Catalog } from './catalog/index.js';
import { personFor } from './catalog/people.js';
import { randomGuid } from './random.js';
import type { SandboxStore } from './store.js';

/** The agent id the seeded customers are recorded as registered through. */
const SEED_AGENT_ID = '00000000-0000-4000-8000-000000000001';

export function seedRegisteredCustomers(catalog: Catalog, store: SandboxStore): void {
  const now = new Date().toISOString();
  catalog.testIdentities
    .filter((identity) => identity.registered && identity.identityNumber)
    .forEach((identity, index) => {
      const id = String(identity.identityNumber);
      const person = personFor(catalog.seed, id);
      const customerId = randomGuid();
      store.customers.set(customerId, {
        id: customerId,
        type: 'INDIVIDUAL',
        identityNumber: id,
        taxNumber: null,
        fullName: person.fullName,
        title: null,
        birthDate: '1979-09-30',
        gender: person.gender,
        phone: { countryCode: 90, number: identity.phoneNumber.number },
        email: null,
        registeredAgentId: SEED_AGENT_ID,
        agentId: SEED_AGENT_ID,
        agentBranchId: null,
        createdAt: now,
      });
      store.customersByIdentity.set(`INDIVIDUAL:${id}`, customerId);

      const entry = catalog.registry[(index + 1) % catalog.registry.length]!;
      const vehicleId = randomGuid();
      store.vehicles.set(vehicleId, {
        id: vehicleId,
        customerId,
        plate: entry.plate,
        hasPlate: true,
        model: {
          brand: { value: entry.brand.value, text: entry.brand.text },
          type: { value: entry.model.value, text: entry.model.text },
          year: entry.year,
        },
        utilizationStyle: entry.utilizationStyle,
        fuel: { type: entry.model.fuel },
        engineNumber: entry.engine,
        chassisNumber: entry.chassis,
        registrationDate: entry.registrationDate,
        seatNumber: entry.model.seats,
        documentSerial: entry.documentSerial,
        createdAt: now,
      });

      const [uavt, address] = [...catalog.addresses.byUavt.entries()][index * 7]!;
      const propertyId = randomGuid();
      store.properties.set(propertyId, {
        id: propertyId,
        customerId,
        number: Number(uavt),
        address,
        squareMeter: 115,
        constructionYear: 2008,
        damageStatus: 'NONE',
        floor: { totalFloors: { $type: 'exact', value: 6 }, currentFloor: 3 },
        structure: 'STEEL_REINFORCED_CONCRETE',
        utilizationStyle: 'HOUSE',
        ownershipType: 'PROPRIETOR',
        createdAt: now,
      });

      store.healthInfo.set(customerId, { height: 172, weight: 74, surgeries: [], diseases: [] });
    });
}
