/**
 * Coverage groups (the agency's packages, 24-hex ids), the coverage each quote carries and the
 * coverage choices per insurer. A group's tier (0 narrow, 1 standard, 2 wide) drives both the
 * coverage and the price.
 */
import type { ProductBranch } from '../../contract/branches.js';
import { COVERAGE_ENUMS, COVERAGE_FIELDS, type Coverage, type CoverageValue } from '../../contract/coverage.js';
import { productOf as productNameOf } from '../../contract/branches.js';
import type { Rng } from '../random.js';
import { seededRng } from '../random.js';

export type Tier = 0 | 1 | 2;

export interface CoverageGroup {
  id: string;
  name: string;
  branch: ProductBranch;
  tier: Tier;
}

const GROUP_SPECS: Array<[ProductBranch, string, Tier]> = [
  ['KASKO', 'Kasko Dar Paket', 0],
  ['KASKO', 'Kasko Standart Paket', 1],
  ['KASKO', 'Kasko Geniş Paket', 2],
  ['TRAFIK', 'Trafik Standart', 0],
  ['TRAFIK', "Trafik + İMM'li Paket", 2],
  ['IMM', 'İMM Standart', 1],
  ['IMM', 'İMM Sınırsız', 2],
  ['DASK', 'DASK Zorunlu Deprem', 1],
  ['KONUT', 'Konut Temel Paket', 0],
  ['KONUT', 'Konut Geniş Paket', 2],
  ['TSS', 'TSS Yatarak Tedavi', 0],
  ['TSS', 'TSS Yatarak + Ayakta Tedavi', 2],
];

export function buildCoverageGroups(seed: number): CoverageGroup[] {
  const rng = seededRng(seed, 'coverage-groups');
  return GROUP_SPECS.map(([branch, name, tier]) => ({ id: rng.hex(24), name, branch, tier }));
}

/** What a quote's coverage depends on besides the tier. */
export interface CoverageContext {
  /** Building sum insured for konut and DASK, in TL. */
  buildingSumInsured?: number;
}

const included = (yes: boolean): CoverageValue => ({ $type: yes ? 'INCLUDED' : 'NOT_INCLUDED' });
const amount = (value: number | null): CoverageValue =>
  value === null ? { $type: 'NOT_INCLUDED' } : { $type: 'DECIMAL', value };
const count = (value: number | null): CoverageValue =>
  value === null ? { $type: 'NOT_INCLUDED' } : { $type: 'NUMBER', value };

type FieldRule = (tier: Tier, rng: Rng, context: CoverageContext) => CoverageValue | string;

/** By tier: [narrow, standard, wide]. */
const byTier = <T>(values: [T, T, T]) => (tier: Tier) => values[tier];

// 2025 statutory trafik limits, the same for every insurer.
const TRAFIK_LEGAL = {
  maddiHasarAracBasina: 300_000,
  maddiHasarKazaBasina: 600_000,
  sakatlanmaVeOlumKisiBasina: 2_700_000,
  sakatlanmaVeOlumKazaBasina: 13_500_000,
  tedaviSaglikGiderleriKisiBasina: 2_700_000,
  tedaviSaglikGiderleriKazaBasina: 13_500_000,
};

const RULES: Record<ProductBranch, Record<string, FieldRule>> = {
  KASKO: {
    carpma: () => ({ $type: 'MARKET_VALUE' }),
    carpisma: () => ({ $type: 'MARKET_VALUE' }),
    yanma: () => ({ $type: 'MARKET_VALUE' }),
    hirsizlik: () => ({ $type: 'MARKET_VALUE' }),
    aracCalinmasi: () => ({ $type: 'MARKET_VALUE' }),
    dogalAfetler: () => included(true),
    glkhhTeror: (t) => included(t > 0),
    grevLokavt: (t) => included(t > 0),
    immLimitiAyrimsiz: (t, rng) => (t === 2 && rng.chance(0.5) ? { $type: 'LIMITLESS' } : amount(byTier([500_000, 2_000_000, 10_000_000])(t))),
    ferdiKazaVefat: (t) => amount(byTier([50_000, 100_000, 250_000])(t)),
    ferdiKazaSakatlik: (t) => amount(byTier([50_000, 100_000, 250_000])(t)),
    ferdiKazaTedaviMasraflari: (t) => amount(byTier([5_000, 10_000, 25_000])(t)),
    maneviTazminat: (t) => included(t > 0),
    anahtarKaybi: (t) => amount(byTier([null, 5_000, 10_000])(t)),
    camKirilmaMuafeyeti: (t, rng) => included(t === 2 || (t === 1 && rng.chance(0.5))),
    miniOnarim: (t) => included(t > 0),
    yolYardim: () => included(true),
    ozelEsya: (t) => amount(byTier([null, 5_000, 15_000])(t)),
    hukuksalKorumaAracaBagli: (t) => amount(byTier([10_000, 25_000, 50_000])(t)),
    yurtdisiKasko: (t) => included(t === 2),
    hasarsizlikIndirimKoruma: (t) => included(t > 0),
    onarimServisTuru: (t) =>
      byTier<string>(['ANLASMALI_OZEL_SERVIS', 'ANLASMALI_YETKILI_SERVIS', 'YETKILI_SERVIS'])(t),
    yedekParcaTuru: (t) => byTier<string>(['ESDEGER', 'ESDEGER', 'ORIJINAL'])(t),
    kiralikArac: (t) => count(byTier([null, 7, 15])(t)),
  },
  TRAFIK: {
    ...Object.fromEntries(Object.entries(TRAFIK_LEGAL).map(([k, v]) => [k, () => amount(v)])),
    immKombine: (t) => amount(byTier([null, 1_000_000, 5_000_000])(t)),
    ferdiKaza: (t) => amount(byTier([null, 50_000, 100_000])(t)),
    hukuksalKorumaAracaBagli: (t) => amount(byTier([5_000, 10_000, 25_000])(t)),
    cekiciHizmeti: () => included(true),
  },
  IMM: {
    immLimitiAyrimsiz: (t) => (t === 2 ? { $type: 'LIMITLESS' } : amount(t === 0 ? 1_000_000 : 5_000_000)),
    asistansHizmeti: () => included(true),
    kiralikArac: (t) => count(byTier([null, 7, 15])(t)),
    tasinanYuk: (t) => amount(byTier([null, 50_000, 150_000])(t)),
  },
  DASK: {
    binaYanginYildirimInfilak: (_t, _rng, c) => amount(c.buildingSumInsured ?? 1_000_000),
  },
  KONUT: {
    binaYanginYildirimInfilak: (_t, _rng, c) => amount(c.buildingSumInsured ?? 2_000_000),
    yanginMaliMesuliyet: (t) => amount(byTier([250_000, 500_000, 1_000_000])(t)),
    firtina: () => included(true),
    dolu: () => included(true),
    selSuBaskini: (t) => included(t > 0),
    dahiliSu: () => included(true),
    hirsizlik: (t) => amount(byTier([50_000, 150_000, 300_000])(t)),
    camKirilmasi: () => included(true),
    kiraKaybi: (t) => amount(byTier([null, 60_000, 120_000])(t)),
    elektronikCihaz: (t) => amount(byTier([null, 50_000, 100_000])(t)),
    ferdiKaza: (t) => amount(byTier([null, 50_000, 100_000])(t)),
    hukuksalKoruma: (t) => amount(byTier([5_000, 10_000, 25_000])(t)),
    cilingirHizmetleri: () => included(true),
    kombiVeKlimaBakimi: (t) => included(t === 2),
  },
  TSS: {
    hastaneAgi: (t, rng) =>
      t === 2 ? 'GENIS_KAPSAM' : t === 1 || rng.chance(0.3) ? 'STANDART_KAPSAM' : COVERAGE_ENUMS.hastaneAgi[0],
    yatarakTedavi: () => ({ $type: 'LIMITLESS' }),
    ayaktaTedavi: (t) => count(byTier([null, 8, 12])(t)),
    doktorMuayene: (t) => included(t > 0),
    ameliyat: () => ({ $type: 'LIMITLESS' }),
    yogunBakim: () => ({ $type: 'LIMITLESS' }),
    kemoterapi: () => ({ $type: 'LIMITLESS' }),
    radyoterapi: () => ({ $type: 'LIMITLESS' }),
    diyaliz: () => ({ $type: 'LIMITLESS' }),
    ambulans: () => included(true),
    dogum: (t) => amount(byTier([null, null, 15_000])(t)),
    fizikTedavi: (t) => count(byTier([null, 10, 20])(t)),
    checkUpHizmeti: (t) => included(t > 0),
    disPaketi: (t) => included(t === 2),
    gozPaketi: (t) => included(t === 2),
  },
};

/** The coverage object of one quote; `rng` lets insurers differ slightly within a tier. */
export function coverageFor(branch: ProductBranch, tier: Tier, rng: Rng, context: CoverageContext = {}): Coverage {
  const coverage: Coverage = { $type: productNameOf(branch), productBranch: branch };
  for (const field of COVERAGE_FIELDS[branch]) {
    const rule = RULES[branch][field];
    if (!rule) throw new Error(`no coverage rule for ${branch}.${field}`);
    // An insurer now and then gives the next tier up on one field, as real packages differ.
    const fieldTier = (tier < 2 && rng.chance(0.1) ? tier + 1 : tier) as Tier;
    coverage[field] = rule(fieldTier, rng, context);
  }
  return coverage;
}

/** Coverage choices per field: every value an insurer's packages can take (for the back office). */
export function coverageChoicesFor(branch: ProductBranch, insurerId: number, seed: number): Record<string, unknown> {
  const choices: Record<string, unknown[]> = {};
  for (const field of COVERAGE_FIELDS[branch]) {
    const seen = new Map<string, unknown>();
    for (const tier of [0, 1, 2] as Tier[]) {
      const value = RULES[branch][field]!(tier, seededRng(seed, 'choices', insurerId, field, tier), {});
      seen.set(JSON.stringify(value), value);
    }
    choices[field] = [...seen.values()];
  }
  return choices;
}
