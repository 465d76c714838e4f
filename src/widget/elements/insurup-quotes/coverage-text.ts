/**
 * Coverage in words: each field's human label and each `$type` value as the customer reads it
 * ("Dahil", "Limitsiz", "₺500.000,00", "%10"). Fields and enum values the tables do not know
 * get a readable label made from the key, never the raw key.
 */
import { COVERAGE_FIELDS, type Coverage } from '../../../contract/coverage.js';
import type { ProductBranch } from '../../../contract/branches.js';
import { formatMoney, formatNumber, isMessageKey, localeOf, translate, type Lang } from '../../i18n/index.js';

/** `immLimitiAyrimsiz` → "Imm limiti ayrimsiz"; `YEDEK_PARCA` → "Yedek parca". */
export function readableKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    // Keys are ASCII transliterations: ASCII case rules (a Turkish locale would turn I into ı).
    .map((word) => word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function coverageFieldLabel(field: string, lang: Lang): string {
  const key = `quotes.field.${field}`;
  return isMessageKey(key) ? translate(lang, key) : readableKey(field);
}

export function coverageEnumLabel(value: string, lang: Lang): string {
  const key = `quotes.enum.${value}`;
  return isMessageKey(key) ? translate(lang, key) : readableKey(value);
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** One coverage field's value in words. */
export function coverageValueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return translate(lang, 'quotes.value.UNDEFINED');
  if (typeof value === 'string') return coverageEnumLabel(value, lang);
  if (typeof value !== 'object' || !('$type' in value)) return translate(lang, 'quotes.value.UNDEFINED');
  const typed = value as { $type: string; value?: number };
  switch (typed.$type) {
    case 'INCLUDED':
    case 'NOT_INCLUDED':
    case 'LIMITLESS':
    case 'MARKET_VALUE':
    case 'HIGHEST_LIMIT':
    case 'UNDEFINED':
      return translate(lang, `quotes.value.${typed.$type}`);
    case 'DECIMAL':
      return formatMoney(typed.value ?? 0, 'TURKISH_LIRA', lang);
    case 'NUMBER':
      return formatNumber(typed.value ?? 0, lang);
    case 'PERCENT': {
      let format = percentFormats.get(lang);
      if (!format) {
        format = new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 2 });
        percentFormats.set(lang, format);
      }
      // InsurUp sends percentage points (10 means 10 %).
      return format.format((typed.value ?? 0) / 100);
    }
    default:
      return readableKey(typed.$type);
  }
}

/** Whether a value means the cover is there (for the ✓ / – mark beside the words). */
function coverageIsIncluded(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value !== 'BELIRSIZ';
  const type = (value as { $type?: string }).$type;
  return type !== 'NOT_INCLUDED' && type !== 'UNDEFINED';
}

export interface CoverageRow {
  field: string;
  label: string;
  value: string;
  included: boolean;
}

/** The coverage as rows: the branch's known fields in their usual order, then any others. */
export function coverageRows(coverage: Coverage, lang: Lang): CoverageRow[] {
  const known: readonly string[] = COVERAGE_FIELDS[coverage.productBranch as ProductBranch] ?? [];
  const record = coverage as Record<string, unknown>;
  const fields = [
    ...known.filter((field) => field in record),
    ...Object.keys(record).filter((field) => field !== '$type' && field !== 'productBranch' && !known.includes(field)),
  ];
  return fields.map((field) => ({
    field,
    label: coverageFieldLabel(field, lang),
    value: coverageValueText(record[field], lang),
    included: coverageIsIncluded(record[field]),
  }));
}
