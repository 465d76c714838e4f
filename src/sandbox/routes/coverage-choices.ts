/** `GET /api/coverage-choices:<branch>`: every value each insurer's packages can take. */
import type { ProductBranch } from '../../contract/branches.js';
import type { CoverageChoices } from '../../contract/coverage-choices.js';
import { coverageChoicesFor } from '../catalog/coverage.js';
import { insurersQuoting } from '../catalog/index.js';
import type { SandboxServices } from '../context.js';
import { notFound } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';

function choices(sb: SandboxServices, branch: ProductBranch, insuranceCompanyId: string | undefined): CoverageChoices {
  let insurers = insurersQuoting(sb.catalog, branch);
  if (insuranceCompanyId !== undefined) {
    insurers = insurers.filter((i) => String(i.id) === insuranceCompanyId);
    if (!insurers.length) {
      throw notFound(`${insuranceCompanyId} kimlikli sigorta şirketi ${branch} teklifi vermiyor ya da yok.`, 'INSURANCE_COMPANY_NOT_FOUND');
    }
  }
  return insurers.map((i) => ({
    insuranceCompanyId: i.id,
    productType: i.productType,
    coverageChoices: coverageChoicesFor(branch, i.id, sb.seed),
  }));
}

export const coverageChoiceRoutes = {
  coverageChoicesKasko: ({ query, sb }) => choices(sb, 'KASKO', query.insuranceCompanyId),
  coverageChoicesTss: ({ query, sb }) => choices(sb, 'TSS', query.insuranceCompanyId),
  coverageChoicesKonut: ({ query, sb }) => choices(sb, 'KONUT', query.insuranceCompanyId),
  coverageChoicesImm: ({ query, sb }) => choices(sb, 'IMM', query.insuranceCompanyId),
} satisfies Partial<HandlerMap>;
