/**
 * The payment pages a purchase redirects to: a bank's 3-D Secure page, a third-party 3-D
 * Secure provider's page, or the insurer's own payment page with its own card form. Plain
 * HTML, no script: one form, two submit buttons (`decision=approve` / `decision=decline`).
 */
import type { PaymentSession } from '../store.js';

export const PAGE_CSS_PATH = '/pay/assets/page.css';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const money = (n: number) => `${new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} TL`;

export interface PageContext {
  session: PaymentSession;
  insurerName: string;
  productName: string;
  /** Insurer page: errors from the last submit, by field name. */
  errors?: Record<string, string>;
  holderName?: string;
}

const TITLES: Record<PaymentSession['page'], (insurer: string) => { brand: string; heading: string }> = {
  'bank-3d-secure': () => ({ brand: 'Simülasyon Bankası', heading: '3-D Secure doğrulama' }),
  'third-party-3d-secure': () => ({ brand: 'Güvenpara Ödeme Hizmetleri', heading: '3-D Secure doğrulama' }),
  'insurer-page': (insurer) => ({ brand: insurer, heading: 'Güvenli ödeme' }),
};

function layout(title: string, kind: string, body: string): string {
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PAGE_CSS_PATH}">
</head>
<body class="${kind}">
<main>
${body}
<p class="note">Bu sayfa InsurUp sanal ortamının bir benzetimidir; gerçek bir ödeme alınmaz.</p>
</main>
</body>
</html>`;
}

function field(name: string, label: string, attrs: string, ctx: PageContext, value = ''): string {
  const error = ctx.errors?.[name];
  const id = `f-${name}`;
  return `<p class="field">
  <label for="${id}">${escape(label)}</label>
  <input id="${id}" name="${name}" ${attrs} value="${escape(value)}"${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
  ${error ? `<span class="error" id="${id}-error">${escape(error)}</span>` : ''}
</p>`;
}

export function paymentPage(ctx: PageContext): string {
  const { session } = ctx;
  const { brand, heading } = TITLES[session.page](ctx.insurerName);
  const installments = session.installmentNumber === 1 ? 'Peşin' : `${session.installmentNumber} taksit`;
  const summary = `<dl class="summary">
  <dt>İşyeri</dt><dd>${escape(ctx.insurerName)}</dd>
  <dt>Ürün</dt><dd>${escape(ctx.productName)}</dd>
  <dt>Tutar</dt><dd class="amount">${escape(money(session.amount))}</dd>
  <dt>Taksit</dt><dd>${escape(installments)}</dd>
  ${session.maskedCard ? `<dt>Kart</dt><dd class="card">${escape(session.maskedCard)}</dd>` : ''}
  ${session.holderName ? `<dt>Kart sahibi</dt><dd>${escape(session.holderName)}</dd>` : ''}
</dl>`;
  const inputs =
    session.page === 'insurer-page'
      ? `<fieldset>
<legend>Kart bilgileri</legend>
${ctx.errors?.form ? `<p class="error" role="alert">${escape(ctx.errors.form)}</p>` : ''}
${field('cardNumber', 'Kart numarası', 'inputmode="numeric" autocomplete="cc-number" required', ctx)}
${field('cardExpiry', 'Son kullanma (AA/YY)', 'inputmode="numeric" autocomplete="cc-exp" placeholder="AA/YY" required', ctx)}
${field('cvc', 'Güvenlik kodu (CVC)', 'inputmode="numeric" autocomplete="cc-csc" required', ctx)}
${field('holderName', 'Kart üzerindeki ad', 'autocomplete="cc-name" required', ctx, ctx.holderName ?? '')}
<p class="hint">Test kartı: 4111 1111 1111 1111, ileri bir tarih, herhangi bir CVC.</p>
</fieldset>`
      : `${field('smsCode', 'Bankanızın gönderdiği SMS şifresi', 'inputmode="numeric" autocomplete="one-time-code" placeholder="sanal ortamda gerekmez"', ctx)}`;
  return layout(
    `${brand} – ${heading}`,
    session.page,
    `<header><p class="brand">${escape(brand)}</p><h1>${escape(heading)}</h1></header>
${summary}
<form method="post" action="/pay/${escape(session.id)}">
${inputs}
<div class="actions">
<button type="submit" name="decision" value="approve">Ödemeyi onayla</button>
<button type="submit" name="decision" value="decline" formnovalidate>Ödemeyi reddet</button>
</div>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, 'message', `<header><h1>${escape(title)}</h1></header><p>${escape(message)}</p>`);
}

export const PAGE_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef1f5;color:#1d2733}
main{max-width:30em;margin:2em auto;background:#fff;border-radius:.75em;padding:1.5em;box-shadow:0 .25em 1em rgba(0,0,0,.08)}
header{border-bottom:1px solid #dde3ea;margin-bottom:1em}
.brand{margin:0;font-weight:700;color:#0e5a8a}
.insurer-page .brand{color:#7a2e0e}
h1{margin:.25em 0 .5em;font-size:1.35em}
.summary{display:grid;grid-template-columns:auto 1fr;gap:.25em 1em;margin:0 0 1.25em}
.summary dt{color:#5b6b7c}
.summary dd{margin:0;font-weight:600}
.amount{font-size:1.2em}
fieldset{border:1px solid #dde3ea;border-radius:.5em;padding:.75em 1em;margin:0 0 1em}
.field{display:flex;flex-direction:column;margin:0 0 .75em}
label{font-weight:600;margin-bottom:.25em}
input{font:inherit;padding:.5em .6em;border:1px solid #9aa7b5;border-radius:.375em}
input[aria-invalid=true]{border-color:#b3261e}
.error{color:#b3261e;font-size:.9em}
.hint,.note{color:#5b6b7c;font-size:.85em}
.actions{display:flex;gap:.75em;flex-wrap:wrap}
button{font:inherit;font-weight:600;padding:.6em 1.2em;border-radius:.375em;border:1px solid transparent;cursor:pointer}
button[value=approve]{background:#0e7a3e;color:#fff}
button[value=decline]{background:#fff;color:#b3261e;border-color:#b3261e}
button:focus-visible,input:focus-visible{outline:3px solid #1f6fb2;outline-offset:2px}
`;
