// The configurator: the form's choices become the preview's attributes and custom properties
// at once, and the embed snippet a marketing person copies into a CMS block. A module file and
// CSSOM only (style.setProperty), so it runs under the demo's strict policy.
const form = document.querySelector('[data-configurator]');
const preview = document.querySelector('#configurator-preview');
const snippet = document.querySelector('[data-snippet]');
const copyButton = document.querySelector('[data-copy]');
const copyStatus = document.querySelector('[data-copy-status]');
const coverageList = document.querySelector('[data-coverage-list]');
const MAX_GROUPS = 3;
const msg = (name) => form.dataset[name] ?? '';

/** The defaults of the colour and radius inputs: only changed ones go into the snippet. */
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

/** The product's coverage groups as checkboxes (a new product starts with none chosen). */
function renderCoverage() {
  if (!catalog) return;
  const branch = form.elements.product.value.toUpperCase();
  const groups = catalog.coverageGroups.filter((g) => g.branch === branch);
  const items = groups.map((group) => {
    const label = document.createElement('label');
    label.className = 'choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'coverage';
    box.value = group.id;
    label.append(box, ` ${group.name}`);
    return label;
  });
  const limit = paragraph(msg('msgLimit'), 'hint');
  limit.dataset.coverageLimit = '';
  limit.hidden = true;
  coverageList.replaceChildren(...items, limit);
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

function settings() {
  const data = new FormData(form);
  return {
    product: String(data.get('product')),
    lang: String(data.get('lang') ?? 'tr'),
    theme: String(data.get('theme') ?? ''),
    proxyUrl: String(data.get('proxyUrl') ?? '').trim() || '/insurup',
    coverage: chosenGroups(),
    tokens: tokenInputs
      .filter((input) => input.value !== defaults.get(input.name))
      .map((input) => [input.dataset.token, input.value]),
  };
}

const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function buildSnippet(s) {
  const lines = [`<script type="module" src="${attr(new URL('/dist/insurup-elements.js', location.href).href)}"></script>`];
  if (s.tokens.length) {
    lines.push('<style>', '  insurup-flow {', ...s.tokens.map(([name, value]) => `    ${name}: ${value};`), '  }', '</style>');
  }
  const attributes = [
    ['product', s.product],
    ['proxy-url', s.proxyUrl],
    ['lang', s.lang],
    ...(s.theme ? [['theme', s.theme]] : []),
    ...(s.coverage.length ? [['coverage-group-ids', s.coverage.join(',')]] : []),
  ];
  lines.push(`<insurup-flow\n${attributes.map(([name, value]) => `  ${name}="${attr(value)}"`).join('\n')}\n></insurup-flow>`);
  return lines.join('\n');
}

/** The preview follows the form; it always talks to this demo's own proxy. */
function applyToPreview(s) {
  if (preview.getAttribute('product') !== s.product) preview.setAttribute('product', s.product);
  // The step inside the flow follows the flow's lang at once (no need for a fresh flow).
  if (preview.getAttribute('lang') !== s.lang) preview.setAttribute('lang', s.lang);
  if (s.theme) preview.setAttribute('theme', s.theme);
  else preview.removeAttribute('theme');
  if (s.coverage.length) preview.setAttribute('coverage-group-ids', s.coverage.join(','));
  else preview.removeAttribute('coverage-group-ids');
  for (const input of tokenInputs) {
    if (input.value !== defaults.get(input.name)) preview.style.setProperty(input.dataset.token, input.value);
    else preview.style.removeProperty(input.dataset.token);
  }
}

function update() {
  enforceLimit();
  const s = settings();
  applyToPreview(s);
  snippet.textContent = buildSnippet(s);
  copyStatus.textContent = '';
}

async function copy() {
  const text = snippet.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = msg('msgCopied');
  } catch {
    // No clipboard (permission refused, or not a secure context): select it for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    snippet.parentElement.focus();
    copyStatus.textContent = msg('msgCopyFailed');
  }
}

form.addEventListener('input', (event) => {
  // A new product also changes the coverage list: 'change' below handles it.
  if (event.target.name !== 'product') update();
});
form.addEventListener('change', (event) => {
  if (event.target.name === 'product') renderCoverage();
  else update();
});
// Enter in the proxy field must not reload the page: there is nothing to submit.
form.addEventListener('submit', (event) => event.preventDefault());
copyButton.addEventListener('click', () => void copy());

update();
void loadCatalog();
