/**
 * Message tables and formatting. Turkish is the default language, English the second. Elements
 * call `translate(lang, key, params)` (through `this.t()`); money and dates go through Intl.
 *
 * The shared tables (common, validation, errors) are always here. Each element registers its
 * own area when its module loads (`elements/<tag>/messages.ts`), so an element's strings travel
 * in its lazily loaded chunk, not in the entry.
 */
import { common, errors, validation } from './tr/common.js';
import { common as enCommon, errors as enErrors, validation as enValidation } from './en/common.js';
import type { tr as everyTurkishMessage } from './tr/index.js';
import type { Currency } from '../../contract/z.js';

export type Lang = 'tr' | 'en';
export type MessageKey = keyof typeof everyTurkishMessage;
export type MessageParams = Record<string, string | number>;
type Table = Partial<Record<MessageKey, string>>;

const tables: Record<Lang, Table> = {
  tr: { ...common, ...validation, ...errors },
  en: { ...enCommon, ...enValidation, ...enErrors },
};

/** Adds an area's messages; `en` is checked key for key against `tr` where the area is defined. */
export function registerMessages(tr: Table, en: Table): void {
  Object.assign(tables.tr, tr);
  Object.assign(tables.en, en);
}

/** `'tr-TR'`, `'en'`, `'EN-gb'` → a supported language; anything else → Turkish. */
export function normalizeLang(value: string | null | undefined): Lang {
  const base = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'en' ? 'en' : 'tr';
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = tables[lang][key] ?? tables.tr[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? paramText(params[name]!, lang) : whole,
  );
}

/**
 * Numbers of five digits and more are grouped the language's way (10.000 m², 10,000 m²); shorter
 * ones, years among them (1950–2026), stay as written. Ids and codes are passed as strings.
 */
function paramText(value: string | number, lang: Lang): string {
  return typeof value === 'number' && Math.abs(value) >= 10_000 ? formatNumber(value, lang) : String(value);
}

/** Whether a runtime string is a known key (for keys built from API values, e.g. coverage fields). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(tables.tr, key);
}

const LOCALES: Record<Lang, string> = { tr: 'tr-TR', en: 'en-GB' };
export const localeOf = (lang: Lang) => LOCALES[lang];

const ISO_CURRENCY: Record<Currency, string> = {
  TURKISH_LIRA: 'TRY',
  US_DOLLAR: 'USD',
  EURO: 'EUR',
};

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** `12000, 'TURKISH_LIRA', 'tr'` → `₺12.000,00`. */
export function formatMoney(amount: number, currency: Currency | 'TRY' = 'TURKISH_LIRA', lang: Lang = 'tr'): string {
  const iso = currency === 'TRY' ? 'TRY' : ISO_CURRENCY[currency];
  const key = `${lang}:${iso}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: iso });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** `2026-11-28` or an ISO date-time → `28.11.2026` (tr) / `28/11/2026` (en). Dates stay in UTC. */
export function formatDate(iso: string, lang: Lang = 'tr'): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatNumber(value: number, lang: Lang = 'tr'): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}
