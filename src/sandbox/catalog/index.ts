/** The seeded catalogue: everything fixed for a sandbox's lifetime, deterministic from the seed. */
import type { ProductBranch } from '../../contract/branches.js';
import { buildAddressTree, type AddressTree } from './addresses.js';
import { buildCoverageGroups, type CoverageGroup } from './coverage.js';
import { buildInsurers, type Insurer } from './insurers.js';
import { makeTestIdentities, type TestIdentity } from './people.js';
import { BRANDS, buildRegistry, type BrandDef, type RegistryEntry } from './vehicles.js';

export interface Catalog {
  seed: number;
  insurers: Insurer[];
  coverageGroups: CoverageGroup[];
  brands: BrandDef[];
  registry: RegistryEntry[];
  addresses: AddressTree;
  testIdentities: TestIdentity[];
}

export function buildCatalog(seed: number): Catalog {
  return {
    seed,
    insurers: buildInsurers(seed),
    coverageGroups: buildCoverageGroups(seed),
    brands: BRANDS,
    registry: buildRegistry(seed),
    addresses: buildAddressTree(seed),
    testIdentities: makeTestIdentities(seed),
  };
}

export function insurersQuoting(catalog: Catalog, branch: ProductBranch): Insurer[] {
  return catalog.insurers.filter((i) => i.branches.includes(branch));
}

/** Cards that pass the Luhn check, for demos and tests; any future expiry and any CVC work. */
export const TEST_CARDS = [
  { brand: 'visa', number: '4111111111111111' },
  { brand: 'mastercard', number: '5555555555554444' },
  { brand: 'troy', number: '9792030000000000' },
];

/** `GET /sandbox/catalog`: what a demo or a test needs to know. */
export function catalogView(catalog: Catalog) {
  return {
    seed: catalog.seed,
    insurers: catalog.insurers.map((i) => ({
      id: i.id,
      name: i.name,
      logo: i.logo,
      supportedPaymentOptions: i.supportedPaymentOptions,
      productType: i.productType,
      branches: i.branches,
    })),
    coverageGroups: catalog.coverageGroups.map(({ id, name, branch }) => ({ id, name, branch })),
    registry: catalog.registry.map((r) => ({
      plate: r.plate,
      documentSerial: r.documentSerial,
      brand: { value: r.brand.value, text: r.brand.text },
      model: { value: r.model.value, text: r.model.text },
      year: r.year,
      utilizationStyle: r.utilizationStyle,
    })),
    uavtSamples: [...catalog.addresses.byUavt.keys()].filter((_, i) => i % 9 === 0).slice(0, 8),
    testIdentities: catalog.testIdentities,
    testCards: TEST_CARDS,
  };
}
