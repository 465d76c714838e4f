/**
 * Shared small schemas of the contract. Browser-bound code imports zod itself as
 * `import * as z from './zod.js'` (see there why); `z` is re-exported here for Node code.
 */
import * as z from './zod.js';

export { z };

/** `{ value, text }`: InsurUp's shape for every parameter list (brands, cities, ...). */
export const ValueText = z.object({ value: z.string(), text: z.string() });
export type ValueText = z.infer<typeof ValueText>;

/** Ids in paths and bodies: GUIDs for customers, 24-hex ids for proposals, and so on. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/));

export const Guid = z.string().check(
  z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/),
);

/** Coverage group ids are 24-hex (MongoDB ObjectId) strings. */
export const ObjectId = z.string().check(z.regex(/^[0-9a-fA-F]{24}$/));

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** ISO date-time as the API sends it (`2024-12-05T10:30:00Z`, offsets and fractions allowed). */
export const IsoDateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/),
);

/** Absolute http(s) URL. */
export const AbsoluteUrl = z.string().check(z.regex(/^https?:\/\/[^\s/]+/));

/** Money amounts travel as plain numbers in the currency's major unit. */
export const Money = z.number().check(z.gte(0));

export const Currency = z.enum(['TURKISH_LIRA', 'US_DOLLAR', 'EURO']);
export type Currency = z.infer<typeof Currency>;

/** An empty body (204 No Content). */
export const NoContent = z.undefined();
