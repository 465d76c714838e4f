/** Product branches, their lower-case `$type` names and the asset each one insures. */
import * as z from './zod.js';

export const ProductBranch = z.enum(['KASKO', 'TRAFIK', 'IMM', 'DASK', 'KONUT', 'TSS']);
export type ProductBranch = z.infer<typeof ProductBranch>;

/** The `product` attribute and the proposal `$type`: kasko, trafik, imm, dask, konut, tss. */
export const ProductName = z.enum(['kasko', 'trafik', 'imm', 'dask', 'konut', 'tss']);
export type ProductName = z.infer<typeof ProductName>;

export const AssetType = z.enum(['VEHICLE', 'PROPERTY']);
export type AssetType = z.infer<typeof AssetType>;

export const PRODUCT_NAMES = ProductName.options;

export function branchOf(product: ProductName): ProductBranch {
  return product.toUpperCase() as ProductBranch;
}

export function productOf(branch: ProductBranch): ProductName {
  return branch.toLowerCase() as ProductName;
}

/** Which asset a branch insures; TSS insures the customer and has none. */
export function assetTypeOf(product: ProductName): AssetType | null {
  switch (product) {
    case 'kasko':
    case 'trafik':
    case 'imm':
      return 'VEHICLE';
    case 'konut':
    case 'dask':
      return 'PROPERTY';
    case 'tss':
      return null;
  }
}

export const Channel = z.enum(['WEBSITE', 'MOBILE_APP', 'CALL_CENTER', 'AGENCY', 'OTHER']);
export type Channel = z.infer<typeof Channel>;
