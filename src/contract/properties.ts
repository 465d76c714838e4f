/** Homes (konut, DASK): saved properties, the UAVT address lookup and the address cascade. */
import * as z from './zod.js';
import { Id, ValueText } from './z.js';

/** UAVT address code: 10 digits. */
export const Uavt = z.string().check(z.regex(/^\d{10}$/));

export const Address = z.object({
  city: ValueText,
  district: ValueText,
  town: ValueText,
  neighborhood: ValueText,
  street: ValueText,
  building: ValueText,
  apartment: ValueText,
});
export type Address = z.infer<typeof Address>;

export const DamageStatus = z.enum([
  'NONE',
  'SLIGHTLY_DAMAGED',
  'MODERATELY_DAMAGED',
  'SEVERELY_DAMAGED',
  'UNKNOWN',
]);
export const Structure = z.enum(['STEEL_REINFORCED_CONCRETE', 'OTHER', 'UNKNOWN']);
export const PropertyUtilizationStyle = z.enum(['HOUSE', 'BUSINESS', 'OTHER', 'UNKNOWN']);
export const OwnershipType = z.enum(['PROPRIETOR', 'TENANT', 'UNKNOWN']);

export const FloorCount = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('exact'), value: z.number().check(z.int()) }),
  z.object({ $type: z.literal('range'), min: z.number().check(z.int()), max: z.number().check(z.int()) }),
]);

/** Sane ranges shared by the form and the sandbox. */
export const PROPERTY_LIMITS = {
  squareMeter: { min: 10, max: 10_000 },
  constructionYear: { min: 1800 },
  totalFloors: { min: 1, max: 200 },
  currentFloor: { min: -5, max: 200 },
} as const;

export const Floor = z.object({
  totalFloors: FloorCount,
  currentFloor: z.number().check(z.int()),
});

export const Property = z.object({
  id: Id,
  number: z.union([z.string(), z.number()]),
  address: Address,
  squareMeter: z.number(),
  constructionYear: z.number().check(z.int()),
  damageStatus: DamageStatus,
  floor: Floor,
  structure: Structure,
  utilizationStyle: PropertyUtilizationStyle,
  ownershipType: OwnershipType,
});
export type Property = z.infer<typeof Property>;
export const PropertyList = z.array(Property);

export const CreatePropertyRequest = z.object({
  customerId: Id,
  number: z.number().check(z.int(), z.gte(1_000_000_000), z.lte(9_999_999_999)),
  squareMeter: z
    .number()
    .check(z.gte(PROPERTY_LIMITS.squareMeter.min), z.lte(PROPERTY_LIMITS.squareMeter.max)),
  constructionYear: z.number().check(z.int(), z.gte(PROPERTY_LIMITS.constructionYear.min)),
  damageStatus: DamageStatus,
  floor: Floor,
  structure: Structure,
  utilizationStyle: PropertyUtilizationStyle,
  ownershipType: OwnershipType,
});
export type CreatePropertyRequest = z.infer<typeof CreatePropertyRequest>;

export const CreatePropertyResponse = z.object({ newPropertyId: Id });

/** The guide says GET; real clients POST. The answer is the address only. */
export const QueryAddressRequest = z.object({
  propertyNumber: z.number().check(z.int(), z.gte(1_000_000_000), z.lte(9_999_999_999)),
});
export const QueryAddressResponse = Address;

/** Each level of the cascade answers `[{value, text}]`; the apartment's value is the UAVT. */
export const ADDRESS_LEVELS = [
  { level: 'cities', query: null },
  { level: 'districts', query: 'cityReference' },
  { level: 'towns', query: 'districtReference' },
  { level: 'neighbourhoods', query: 'townReference' },
  { level: 'streets', query: 'neighbourhoodReference' },
  { level: 'buildings', query: 'streetReference' },
  { level: 'apartments', query: 'buildingReference' },
] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number]['level'];
