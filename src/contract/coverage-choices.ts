/** Coverage choices per insurer, used by the agency's back office to build coverage groups. */
import * as z from './zod.js';
import { ProductType } from './proposals.js';

export const CoverageChoices = z.array(
  z.object({
    insuranceCompanyId: z.union([z.string(), z.number()]),
    productType: ProductType,
    coverageChoices: z.record(z.string(), z.unknown()),
  }),
);
export type CoverageChoices = z.infer<typeof CoverageChoices>;

export const COVERAGE_CHOICE_BRANCHES = ['kasko', 'tss', 'konut', 'imm'] as const;
