/** The logged-in customer and their health information (TSS). */
import * as z from './zod.js';
import { Id, IsoDateTime, ValueText } from './z.js';
import { PhoneNumber } from './auth.js';

export const CustomerType = z.enum(['INDIVIDUAL', 'COMPANY', 'FOREIGN']);
export type CustomerType = z.infer<typeof CustomerType>;

export const Gender = z.enum(['UNKNOWN', 'MALE', 'FEMALE', 'OTHER']);
export const MaritalStatus = z.enum(['UNKNOWN', 'SINGLE', 'MARRIED']);

export const Customer = z.object({
  id: Id,
  type: CustomerType,
  fullName: z.nullish(z.string()),
  identityNumber: z.nullish(z.union([z.string(), z.number()])),
  birthDate: z.nullish(z.string()),
  gender: z.nullish(Gender),
  maritalStatus: z.nullish(MaritalStatus),
  job: z.nullish(z.string()),
  primaryEmail: z.nullish(z.string()),
  primaryPhoneNumber: z.nullish(PhoneNumber),
  city: z.nullish(ValueText),
  district: z.nullish(ValueText),
  createdAt: IsoDateTime,
  // COMPANY customers only.
  title: z.nullish(z.string()),
  taxNumber: z.nullish(z.union([z.string(), z.number()])),
});
export type Customer = z.infer<typeof Customer>;

/** Height in cm, weight in kg. A 404 on GET means "not filled in yet". */
export const HealthInfo = z.object({
  height: z.number().check(z.gt(0)),
  weight: z.number().check(z.gt(0)),
  surgeries: z.array(z.unknown()),
  diseases: z.array(z.unknown()),
});
export type HealthInfo = z.infer<typeof HealthInfo>;

/**
 * Adult ranges, shared by the form's validation and the sandbox's: the insured in TSS is the
 * logged-in customer, an adult (a baby's 50 cm or 2 kg is a typing mistake here).
 */
export const HEIGHT_RANGE_CM = { min: 100, max: 250 } as const;
export const WEIGHT_RANGE_KG = { min: 25, max: 300 } as const;

export const UpdateHealthInfoRequest = z.object({
  $type: z.literal('individual'),
  customerId: Id,
  height: z.number().check(z.int(), z.gte(HEIGHT_RANGE_CM.min), z.lte(HEIGHT_RANGE_CM.max)),
  weight: z.number().check(z.gte(WEIGHT_RANGE_KG.min), z.lte(WEIGHT_RANGE_KG.max)),
});
export type UpdateHealthInfoRequest = z.infer<typeof UpdateHealthInfoRequest>;
