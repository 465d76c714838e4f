/**
 * The demo pages: which file each path serves, the Content-Security-Policy each is sent with,
 * and the shared pieces every page has (site header with the page nav and the language
 * switch, the simulated phone, the footer) with the head around them. A page's own content (its
 * `<main>`) is an HTML file in demo/ with `{{key}}` (escaped: a string from strings.ts or a value)
 * and `{{{key}}}` (a piece built here).
 */
import { DEMO_STRINGS, type DemoLang, type DemoStringKey } from './strings.js';

export type PageId = 'flow' | 'cms' | 'theming' | 'csp' | 'configurator';

export interface DemoPage {
  id: PageId;
  path: string;
  /** The page's content, the inside of its `<main>`. */
  file: string;
  /** `strict` is the exact policy of the strict-CSP page; `demo` the one every other page gets. */
  csp: 'demo' | 'strict';
  /** Its `<title>` and description. */
  title: DemoStringKey;
  description: DemoStringKey;
  /** Stylesheets after demo.css. */
  styles?: readonly string[];
  /** Its module scripts, in the order they run. */
  scripts: readonly string[];
}

const ELEMENTS = '/dist/insurup-elements.js';
const PHONE = '/demo/phone.js';

export const PAGES: readonly DemoPage[] = [
  { id: 'flow', path: '/', file: 'index.html', csp: 'demo', title: 'flow.title', description: 'flow.lead', scripts: [ELEMENTS, PHONE] },
  { id: 'cms', path: '/cms', file: 'cms.html', csp: 'demo', title: 'cms.title', description: 'cms.intro', scripts: [ELEMENTS, PHONE] },
  {
    id: 'theming',
    path: '/theming',
    file: 'theming.html',
    csp: 'demo',
    title: 'theming.title',
    description: 'theming.lead',
    styles: ['/demo/themes.css'],
    scripts: [ELEMENTS, PHONE],
  },
  // The violation counter listens before anything else loads.
  { id: 'csp', path: '/csp', file: 'csp.html', csp: 'strict', title: 'csp.title', description: 'csp.lead', scripts: ['/demo/csp-watch.js', ELEMENTS, PHONE] },
  {
    id: 'configurator',
    path: '/configurator',
    file: 'configurator.html',
    csp: 'demo',
    title: 'configurator.title',
    description: 'configurator.lead',
    scripts: [ELEMENTS, '/demo/configurator.js', PHONE],
  },
];

/** What the strict-CSP page is served with, to the character (issue 9). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:";

export const PRODUCTS = ['kasko', 'trafik', 'imm', 'konut', 'dask', 'tss'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_NAMES: Record<DemoLang, Record<Product, string>> = {
  tr: { kasko: 'Kasko', trafik: 'Trafik', imm: 'İMM', konut: 'Konut', dask: 'DASK', tss: 'Tamamlayıcı Sağlık' },
  en: { kasko: 'Kasko (comprehensive)', trafik: 'Traffic', imm: 'IMM (liability)', konut: 'Home', dask: 'DASK (earthquake)', tss: 'Supplementary health' },
};

/** The part of the sandbox catalogue the pages show (test data a visitor needs). */
export interface DemoCatalog {
  coverageGroups: Array<{ id: string; name: string; branch: string }>;
  testIdentities: Array<{
    $type: string;
    identityNumber?: number;
    phoneNumber: { number: string };
    birthDate?: string;
    registered: boolean;
  }>;
  registry: Array<{ plate: { city: number; code: string }; documentSerial: { code: string; number: string }; brand: { text: string }; model: { text: string }; year: number }>;
  uavtSamples: string[];
  testCards: Array<{ brand: string; number: string }>;
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function pageLang(url: URL): DemoLang {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'tr';
}

/** The same page in the other language (other query parameters, like the product, kept). */
function switchedLangHref(url: URL, lang: DemoLang): string {
  const params = new URLSearchParams(url.searchParams);
  if (lang === 'tr') params.set('lang', 'en');
  else params.delete('lang');
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

function withLang(path: string, lang: DemoLang): string {
  return lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
}

function siteHeader(current: PageId, url: URL, lang: DemoLang): string {
  const t = DEMO_STRINGS[lang];
  const other: DemoLang = lang === 'tr' ? 'en' : 'tr';
  const links = PAGES.map((p) => {
    const currentMark = p.id === current ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(withLang(p.path, lang))}"${currentMark}>${escapeHtml(t[`nav.${p.id}` as DemoStringKey])}</a></li>`;
  }).join('');
  return `<header class="site-header">
      <a class="brand" href="${escapeHtml(withLang('/', lang))}">${escapeHtml(t['site.brand'])}</a>
      <nav class="demo-nav" aria-label="${escapeHtml(t['site.demoNav'])}"><ul>${links}</ul></nav>
      <a class="lang-switch" href="${escapeHtml(switchedLangHref(url, lang))}" lang="${other}" hreflang="${other}">${escapeHtml(t['site.switchLang'])}</a>
    </header>`;
}

function productMenu(product: Product, lang: DemoLang): string {
  const t = DEMO_STRINGS[lang];
  const items = PRODUCTS.map((p) => {
    const currentMark = p === product ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(withLang(`/?product=${p}`, lang))}"${currentMark}>${escapeHtml(PRODUCT_NAMES[lang][p])}</a></li>`;
  }).join('');
  return `<nav class="product-nav" aria-label="${escapeHtml(t['site.productNav'])}"><ul>${items}</ul></nav>`;
}

const spaced = (digits: string, groups: number[]) => {
  let at = 0;
  return groups.map((n) => digits.slice(at, (at += n))).join(' ');
};
const isoToTr = (iso: string) => iso.split('-').reverse().join('.');

function testData(catalog: DemoCatalog, lang: DemoLang): string {
  const t = DEMO_STRINGS[lang];
  const row = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const people = [
    { who: catalog.testIdentities.find((i) => i.$type === 'individual' && !i.registered), title: t['phone.newCustomer'] },
    { who: catalog.testIdentities.find((i) => i.$type === 'individual' && i.registered), title: t['phone.savedCustomer'] },
  ]
    .filter((p) => p.who?.identityNumber)
    .map(({ who, title }) => {
      const rows = [
        row(t['phone.identity'], String(who!.identityNumber)),
        who!.birthDate ? row(t['phone.birthDate'], isoToTr(who!.birthDate)) : '',
        row(t['phone.mobile'], spaced(who!.phoneNumber.number, [3, 3, 2, 2])),
      ].join('');
      return `<h4>${escapeHtml(title)}</h4><dl>${rows}</dl>`;
    });
  const car = catalog.registry[0];
  const vehicle = car
    ? `<h4>${escapeHtml(t['phone.vehicle'])}: ${escapeHtml(`${car.brand.text} ${car.model.text}, ${car.year}`)}</h4><dl>${row(
        t['phone.plate'],
        `${String(car.plate.city).padStart(2, '0')} ${car.plate.code.replace(/^([A-Z]+)(\d+)$/, '$1 $2')}`,
      )}${row(t['phone.serial'], `${car.documentSerial.code} ${car.documentSerial.number}`)}</dl>`
    : '';
  const uavt = catalog.uavtSamples[0] ? `<dl>${row(t['phone.uavt'], catalog.uavtSamples[0])}</dl>` : '';
  const card = catalog.testCards[0]
    ? `<p><strong>${escapeHtml(t['phone.card'])}:</strong> ${escapeHtml(spaced(catalog.testCards[0].number, [4, 4, 4, 4]))}, ${escapeHtml(t['phone.cardRest'])}</p>`
    : '';
  return `<details class="test-data"><summary>${escapeHtml(t['phone.testData'])}</summary>${people.join('')}${vehicle}${uavt}${card}</details>`;
}

/**
 * The simulated phone: SMS codes and e-mails from the sandbox (phone.js fills them in). Its top
 * bar shows the newest SMS code on every screen size; on a phone the panel sits at the top of
 * the page as that bar alone (sticky), and "Details" opens the rest, so the code is in view
 * right after "Send the code" without scrolling away from the form.
 */
function phonePanel(catalog: DemoCatalog, lang: DemoLang): string {
  const t = DEMO_STRINGS[lang];
  return `<aside class="phone" aria-labelledby="phone-title" data-phone-panel data-expanded="false"
        data-mail-to="${escapeHtml(t['phone.mailTo'])}" data-attachment="${escapeHtml(t['phone.attachment'])}">
      <div class="phone-bar">
        <h2 id="phone-title">${escapeHtml(t['phone.title'])}</h2>
        <p class="phone-latest" aria-live="polite" data-latest>
          <span class="phone-waiting" data-waiting>${escapeHtml(t['phone.waiting'])}</span>
          <span class="phone-code" data-latest-code hidden>${escapeHtml(t['phone.codeLabel'])} <strong data-code></strong></span>
        </p>
        <button type="button" class="phone-toggle" aria-expanded="false" aria-controls="phone-body" data-phone-toggle>${escapeHtml(t['phone.details'])}</button>
      </div>
      <div class="phone-body" id="phone-body">
        <p class="phone-note">${escapeHtml(t['phone.note'])}</p>
        <h3 class="phone-app">${escapeHtml(t['phone.smsHeading'])}</h3>
        <div class="phone-screen" data-phone>
          <p class="phone-empty">${escapeHtml(t['phone.noSms'])}</p>
        </div>
        <h3 class="phone-app">${escapeHtml(t['phone.mailHeading'])}</h3>
        <div class="phone-screen" data-mail aria-live="polite">
          <p class="phone-empty">${escapeHtml(t['phone.noMail'])}</p>
        </div>
        ${testData(catalog, lang)}
      </div>
    </aside>`;
}

export interface RenderContext {
  page: DemoPage;
  url: URL;
  catalog: DemoCatalog;
  /** Escaped values beside the strings (product, proxy URL, coverage ids, ...). */
  values: Record<string, string>;
  /** Pieces of HTML built by the server for this page. */
  pieces?: Record<string, string>;
}

/** What every page has around its content: the head, the site header, the phone, the footer. */
function pageFrame(page: DemoPage, lang: DemoLang, content: string): string {
  const t = DEMO_STRINGS[lang];
  const styles = ['/demo/demo.css', ...(page.styles ?? [])].map((href) => `\n    <link rel="stylesheet" href="${href}" />`);
  const scripts = page.scripts.map((src) => `\n    <script type="module" src="${src}"></script>`);
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="${escapeHtml(t[page.description])}" />
    <title>${escapeHtml(t[page.title])}</title>${styles.join('')}${scripts.join('')}
  </head>
  <body>
    {{{header}}}
    <div class="layout">
      <main>
${content}      </main>
      {{{phone}}}
    </div>
    {{{footer}}}
  </body>
</html>
`;
}

/** A page: its content (`template`, the file's text) in the frame, with the strings, values and pieces filled in. */
export function renderPage(template: string, ctx: RenderContext): string {
  const lang = pageLang(ctx.url);
  const product = (ctx.values.product ?? 'kasko') as Product;
  const pieces: Record<string, string> = {
    header: siteHeader(ctx.page.id, ctx.url, lang),
    productMenu: productMenu(product, lang),
    phone: phonePanel(ctx.catalog, lang),
    footer: `<footer class="site-footer"><p>${escapeHtml(DEMO_STRINGS[lang]['site.footer'])}</p></footer>`,
    ...ctx.pieces,
  };
  const values: Record<string, string> = { ...DEMO_STRINGS[lang], lang, ...ctx.values };
  return pageFrame(ctx.page, lang, template)
    .replace(/\{\{\{([\w.]+)\}\}\}/g, (_, name: string) => pieces[name] ?? '')
    .replace(/\{\{([\w.-]+)\}\}/g, (_, name: string) => escapeHtml(values[name] ?? ''));
}

export function productOptions(lang: DemoLang, selected: Product): string {
  return PRODUCTS.map(
    (p) => `<option value="${p}"${p === selected ? ' selected' : ''}>${escapeHtml(PRODUCT_NAMES[lang][p])}</option>`,
  ).join('');
}

/** An e-mail address with its local part hidden, as the phone panel shows it. */
export function maskedEmail(address: string): string {
  const at = address.indexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
