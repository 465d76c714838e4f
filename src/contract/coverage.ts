/** Coverage values and per-branch coverage objects. */
import * as z from './zod.js';
import { ProductBranch } from './branches.js';

export const CoverageValue = z.discriminatedUnion('$type', [
  z.object({ $type: z.literal('INCLUDED') }),
  z.object({ $type: z.literal('NOT_INCLUDED') }),
  z.object({ $type: z.literal('LIMITLESS') }),
  z.object({ $type: z.literal('MARKET_VALUE') }),
  z.object({ $type: z.literal('HIGHEST_LIMIT') }),
  z.object({ $type: z.literal('DECIMAL'), value: z.number() }),
  z.object({ $type: z.literal('NUMBER'), value: z.number() }),
  z.object({ $type: z.literal('PERCENT'), value: z.number() }),
  z.object({ $type: z.literal('UNDEFINED') }),
]);
export type CoverageValue = z.infer<typeof CoverageValue>;

/** A coverage field is a coverage value, or for a few fields an enum string. */
const CoverageField = z.union([CoverageValue, z.string(), z.null()]);

/**
 * `{ "$type": "kasko", "productBranch": "KASKO", carpisma: {...}, ... }`. Field names are
 * Turkish and differ per branch; all are optional and unknown ones are kept.
 */
export const Coverage = z.catchall(
  z.object({
    $type: z.enum(['kasko', 'trafik', 'imm', 'dask', 'konut', 'tss']),
    productBranch: ProductBranch,
  }),
  CoverageField,
);
export type Coverage = z.infer<typeof Coverage>;

/** The fields each branch is known to carry, in the order the widget lists them. */
export const COVERAGE_FIELDS = {
  KASKO: [
    'carpma', 'carpisma', 'yanma', 'hirsizlik', 'aracCalinmasi', 'dogalAfetler', 'glkhhTeror',
    'grevLokavt', 'immLimitiAyrimsiz', 'ferdiKazaVefat', 'ferdiKazaSakatlik',
    'ferdiKazaTedaviMasraflari', 'maneviTazminat', 'anahtarKaybi', 'camKirilmaMuafeyeti',
    'miniOnarim', 'yolYardim', 'ozelEsya', 'hukuksalKorumaAracaBagli', 'yurtdisiKasko',
    'hasarsizlikIndirimKoruma', 'onarimServisTuru', 'yedekParcaTuru', 'kiralikArac',
  ],
  TRAFIK: [
    'maddiHasarAracBasina', 'maddiHasarKazaBasina', 'sakatlanmaVeOlumKisiBasina',
    'sakatlanmaVeOlumKazaBasina', 'tedaviSaglikGiderleriKisiBasina',
    'tedaviSaglikGiderleriKazaBasina', 'immKombine', 'ferdiKaza', 'hukuksalKorumaAracaBagli',
    'cekiciHizmeti',
  ],
  KONUT: [
    'binaYanginYildirimInfilak', 'yanginMaliMesuliyet', 'firtina', 'dolu', 'selSuBaskini',
    'dahiliSu', 'hirsizlik', 'camKirilmasi', 'kiraKaybi', 'elektronikCihaz', 'ferdiKaza',
    'hukuksalKoruma', 'cilingirHizmetleri', 'kombiVeKlimaBakimi',
  ],
  // (design) DASK is the compulsory earthquake cover: one building sum insured.
  DASK: ['binaYanginYildirimInfilak'],
  IMM: ['immLimitiAyrimsiz', 'asistansHizmeti', 'kiralikArac', 'tasinanYuk'],
  TSS: [
    'hastaneAgi', 'yatarakTedavi', 'ayaktaTedavi', 'doktorMuayene', 'ameliyat', 'yogunBakim',
    'kemoterapi', 'radyoterapi', 'diyaliz', 'ambulans', 'dogum', 'fizikTedavi', 'checkUpHizmeti',
    'disPaketi', 'gozPaketi',
  ],
} as const satisfies Record<ProductBranch, readonly string[]>;

/** Enum-valued coverage fields and the values they take. */
export const COVERAGE_ENUMS = {
  onarimServisTuru: [
    'BELIRSIZ', 'ANLASMALI_OZEL_SERVIS', 'ANLASMALI_YETKILI_SERVIS', 'YETKILI_SERVIS', 'OZEL_SERVIS',
  ],
  yedekParcaTuru: ['BELIRSIZ', 'ORIJINAL', 'ESDEGER'],
  hastaneAgi: ['DAR_KAPSAM', 'STANDART_KAPSAM', 'GENIS_KAPSAM'],
} as const;

export const CoverageResponse = z.object({ coverage: Coverage });
