/** Vehicles (kasko, trafik, imm): saved vehicles, the registry lookup and brand/model lists. */
import * as z from './zod.js';
import { Id, IsoDate, ValueText } from './z.js';

const UpperSnake = z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/));

/**
 * A plate as the API splits it: `34 ABC 123` → `{ city: 34, code: "ABC123" }`.
 * (design) A brand-new car with no plate yet is sent with `hasPlate: false`, the province of
 * registration as `city` and an empty `code`.
 */
export const Plate = z.object({
  city: z.number().check(z.int(), z.gte(1), z.lte(81)),
  code: z.string().check(z.regex(/^([A-Z]{1,3}\d{2,5})?$/)),
});
export type Plate = z.infer<typeof Plate>;

/** Registration (ruhsat) document serial: 2 letters + 6 digits. */
export const DocumentSerial = z.object({
  code: z.string().check(z.regex(/^[A-Z]{2}$/)),
  number: z.string().check(z.regex(/^\d{6}$/)),
});
export type DocumentSerial = z.infer<typeof DocumentSerial>;

export const FuelType = z.enum(['GASOLINE', 'DIESEL', 'LPG', 'ELECTRIC', 'LPG_GASOLINE', 'HYBRID']);
export type FuelType = z.infer<typeof FuelType>;

/**
 * InsurUp's utilization style is a long enum; the contract accepts any UPPER_SNAKE value so
 * a new one does not break parsing. These are the ones the widget offers.
 */
export const UtilizationStyle = UpperSnake;
export const COMMON_UTILIZATION_STYLES = [
  'PRIVATE_CAR',
  'TAXI',
  'MINIBUS',
  'PICKUP_TRUCK',
  'TRUCK',
  'MOTORCYCLE',
] as const;

export const VehicleModel = z.object({
  brand: ValueText,
  type: ValueText,
  year: z.number().check(z.int()),
});
export type VehicleModel = z.infer<typeof VehicleModel>;

export const Vehicle = z.object({
  id: Id,
  customerId: Id,
  plate: Plate,
  hasPlate: z.optional(z.boolean()),
  model: VehicleModel,
  utilizationStyle: UtilizationStyle,
  fuel: z.object({ type: FuelType }),
  engineNumber: z.nullish(z.string()),
  chassisNumber: z.nullish(z.string()),
  registrationDate: z.nullish(IsoDate),
  seatNumber: z.nullish(z.number().check(z.int())),
  documentSerial: z.nullish(DocumentSerial),
});
export type Vehicle = z.infer<typeof Vehicle>;

export const VehicleList = z.array(Vehicle);

export const CreateVehicleRequest = z.object({
  customerId: Id,
  plate: Plate,
  hasPlate: z.optional(z.boolean()),
  modelYear: z.number().check(z.int(), z.gte(1950), z.lte(2100)),
  brandReference: z.string().check(z.minLength(1)),
  modelTypeReference: z.string().check(z.minLength(1)),
  utilizationStyle: UtilizationStyle,
  fuel: z.object({ type: FuelType }),
  engine: z.nullish(z.string()),
  chassis: z.nullish(z.string()),
  documentSerial: z.nullable(DocumentSerial),
  registrationDate: z.nullish(IsoDate),
  seatNumber: z.nullish(z.number().check(z.int(), z.gte(1), z.lte(99))),
});
export type CreateVehicleRequest = z.infer<typeof CreateVehicleRequest>;

export const CreateVehicleResponse = z.object({ id: Id });

/** The registry ("tramer") lookup used to prefill a new vehicle. Not found → 404 problem. */
export const VehicleLookupRequest = z.object({
  plate: Plate,
  documentSerial: z.optional(z.nullable(DocumentSerial)),
});
export type VehicleLookupRequest = z.infer<typeof VehicleLookupRequest>;

export const VehicleLookupResponse = z.object({
  registrationDate: z.nullish(IsoDate),
  plate: Plate,
  documentSerial: z.nullish(DocumentSerial),
  model: VehicleModel,
  chassis: z.nullish(z.string()),
  engine: z.nullish(z.string()),
  fuelType: z.nullish(FuelType),
  utilizationStyle: z.nullish(UtilizationStyle),
  seatNumber: z.nullish(z.number().check(z.int())),
});
export type VehicleLookupResponse = z.infer<typeof VehicleLookupResponse>;

export const ValueTextList = z.array(ValueText);

export const ModelsQuery = z.object({
  brandReference: z.string().check(z.minLength(1)),
  year: z.string().check(z.regex(/^\d{4}$/)),
});
