// The configurator: the form's choices become the preview's attributes and custom properties
// at once, and the code a marketing person copies: the HTML (script tag and element, nothing
// inline, for a CMS block) and, when colours or corners changed, the CSS (custom properties)
// for the site's stylesheet, so the result also runs under a strict Content-Security-Policy.
// A module file and CSSOM only (style.setProperty), so it runs under the demo's strict policy.
const form = document.querySelector('[data-configurator]');
const preview = document.querySelector('#configurator-preview');
const htmlCode = document.querySelector('[data-snippet]');
const cssCode = document.querySelector('[data-snippet-css]');
const cssPart = document.querySelector('[data-css-part]');
const cssNone = document.querySelector('[data-css-none]');
const copyButtons = [...document.querySelectorAll('[data-copy]')];
const copyStatus = document.querySelector('[data-copy-status]');
const coverageList = document.querySelector('[data-coverage-list]');
const coverageStatus = document.querySelector('[data-coverage-status]');
const MAX_GROUPS = 3;
const msg = (name) => form.dataset[name] ?? '';

/** The defaults of the colour and radius inputs: only changed ones go into the CSS. */
const tokenInputs = [...form.querySelectorAll('[data-token]')];
const defaults = new Map(tokenInputs.map((input) => [input.name, input.defaultValue || selectedDefault(input)]));

function selectedDefault(select) {
  return [...(select.options ?? [])].find((o) => o.defaultSelected)?.value ?? '';
}

let catalog;

async function loadCatalog() {
  coverageList.replaceChildren(paragraph(msg('msgLoading'), 'hint'));
  try {
    const response = await fetch('/demo/catalog');
    if (!response.ok) throw new Error(String(response.status));
    catalog = await response.json();
    renderCoverage();
  } catch {
    const alert = paragraph(msg('msgFailed'), 'error');
    alert.setAttribute('role', 'alert');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = msg('msgRetry');
    retry.addEventListener('click', () => void loadCatalog());
    alert.append(' ', retry);
    coverageList.replaceChildren(alert);
  }
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/**
 * The product's coverage groups as checkboxes. Quotes need 1–3 groups (InsurUp answers a
 * proposal without one with an error), so a product starts with its first package chosen.
 */
function renderCoverage() {
  if (!catalog) return;
  const branch = form.elements.product.value.toUpperCase();
  const groups = catalog.coverageGroups.filter((g) => g.branch === branch);
  const items = groups.map((group, index) => {
    const label = document.createElement('label');
    label.className = 'choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'coverage';
    box.value = group.id;
    box.checked = index === 0;
    label.append(box, ` ${group.name}`);
    return label;
  });
  const limit = paragraph(msg('msgLimit'), 'hint');
  limit.dataset.coverageLimit = '';
  limit.hidden = true;
  coverageList.replaceChildren(...items, limit);
  coverageStatus.textContent = '';
  update();
}

function chosenGroups() {
  return [...form.querySelectorAll('input[name="coverage"]:checked')].map((box) => box.value);
}

/** At most three groups: the rest are disabled while three are chosen, and the page says why. */
function enforceLimit() {
  const chosen = chosenGroups().length;
  for (const box of form.querySelectorAll('input[name="coverage"]')) box.disabled = !box.checked && chosen >= MAX_GROUPS;
  const limit = form.querySelector('[data-coverage-limit]');
  if (limit) limit.hidden = chosen < MAX_GROUPS;
}

const text = (data, name) => String(data.get(name) ?? '').trim();

function settings() {
  const data = new FormData(form);
  return {
    product: String(data.get('product')),
    lang: String(data.get('lang') ?? 'tr'),
    theme: String(data.get('theme') ?? ''),
    proxyUrl: text(data, 'proxyUrl') || '/insurup',
    // Where the agency uploaded the files; by default this demo's copy, so the code runs as is here.
    scriptUrl: text(data, 'scriptUrl') || new URL('/dist/insurup-elements.js', location.href).href,
    coverage: chosenGroups(),
    // A consent box with no notice to read is no consent: the code always links one.
    kvkkUrl: text(data, 'kvkkUrl') || msg('kvkkDefault'),
    agencyPhone: text(data, 'agencyPhone'),
    contactUrl: text(data, 'contactUrl'),
    tokens: tokenInputs
      .filter((input) => input.value !== defaults.get(input.name))
      .map((input) => [input.dataset.token, input.value]),
  };
}

const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML for a CMS block: the script tag and the element, nothing inline. */
function buildHtml(s) {
  const script = `<script type="module" src="${attr(s.scriptUrl)}"></script>`;
  const attributes = [
    ['product', s.product],
    ['proxy-url', s.proxyUrl],
    ['lang', s.lang],
    ...(s.theme ? [['theme', s.theme]] : []),
    ...(s.coverage.length ? [['coverage-group-ids', s.coverage.join(',')]] : []),
    ['kvkk-url', s.kvkkUrl],
    ...(s.agencyPhone ? [['agency-phone', s.agencyPhone]] : []),
    ...(s.contactUrl ? [['contact-url', s.contactUrl]] : []),
  ];
  return `${script}\n<insurup-flow\n${attributes.map(([name, value]) => `  ${name}="${attr(value)}"`).join('\n')}\n></insurup-flow>`;
}

/** The CSS for the site's stylesheet: the changed custom properties, or '' when none changed. */
function buildCss(s) {
  if (!s.tokens.length) return '';
  return ['insurup-flow {', ...s.tokens.map(([name, value]) => `  ${name}: ${value};`), '}'].join('\n');
}

/** The preview follows the form; it always talks to this demo's own proxy and KVKK page. */
function applyToPreview(s) {
  if (preview.getAttribute('product') !== s.product) preview.setAttribute('product', s.product);
  // The step inside the flow follows the flow's lang at once (no need for a fresh flow).
  if (preview.getAttribute('lang') !== s.lang) preview.setAttribute('lang', s.lang);
  const optional = { theme: s.theme, 'coverage-group-ids': s.coverage.join(','), 'agency-phone': s.agencyPhone, 'contact-url': s.contactUrl };
  for (const [name, value] of Object.entries(optional)) {
    if (value) preview.setAttribute(name, value);
    else preview.removeAttribute(name);
  }
  for (const input of tokenInputs) {
    if (input.value !== defaults.get(input.name)) preview.style.setProperty(input.dataset.token, input.value);
    else preview.style.removeProperty(input.dataset.token);
  }
}

function update() {
  enforceLimit();
  const s = settings();
  applyToPreview(s);
  htmlCode.textContent = buildHtml(s);
  const css = buildCss(s);
  cssCode.textContent = css;
  cssPart.hidden = !css;
  cssNone.hidden = Boolean(css);
  copyStatus.textContent = '';
}

async function copy(button) {
  const which = button.dataset.copy;
  const code = which === 'css' ? cssCode : htmlCode;
  try {
    await navigator.clipboard.writeText(code.textContent);
    copyStatus.textContent = msg(which === 'css' ? 'msgCopiedCss' : 'msgCopiedHtml');
  } catch {
    // No clipboard (permission refused, or not a secure context): select it for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    code.parentElement.focus();
    copyStatus.textContent = msg('msgCopyFailed');
  }
}

form.addEventListener('input', (event) => {
  // A new product also changes the coverage list, and a package its own rule: 'change' below.
  if (event.target.name !== 'product' && event.target.name !== 'coverage') update();
});
form.addEventListener('change', (event) => {
  const target = event.target;
  if (target.name === 'product') return renderCoverage();
  if (target.name === 'coverage') {
    // The last chosen package stays chosen, and the page says why.
    if (!target.checked && chosenGroups().length === 0) {
      target.checked = true;
      coverageStatus.textContent = msg('msgMinimum');
    } else {
      coverageStatus.textContent = '';
    }
  }
  update();
});
// Enter in a text field must not reload the page: there is nothing to submit.
form.addEventListener('submit', (event) => event.preventDefault());
for (const button of copyButtons) button.addEventListener('click', () => void copy(button));

update();
void loadCatalog();
