/**
 * `/pay/<session>`: the simulated bank or insurer page. Approve finishes the purchase and sends
 * the browser back (303) to the callbackUrl with `success=true&policyId=...` added to the query
 * it already has; decline sends `success=false&error=...` and leaves the product ACTIVE.
 */
import { Hono, type Context } from 'hono';
import type { SandboxServices } from '../context.js';
import { parseCardExpiry } from '../../widget/validation/index.js';
import { cardErrors } from '../services/purchases.js';
import type { PaymentSession } from '../store.js';
import { messagePage, PAGE_CSS, PAGE_CSS_PATH, paymentPage } from './payment-page.js';

/** Appends to the callback's existing query, keeping it (and any fragment) as it was. */
function callbackLocation(callbackUrl: string, params: Record<string, string>): string {
  const url = new URL(callbackUrl);
  const extra = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  url.search = url.search.length > 1 ? `${url.search}&${extra}` : `?${extra}`;
  return url.toString();
}

function pageHeaders(session?: PaymentSession): Record<string, string> {
  const formTargets = session ? ` ${new URL(session.callbackUrl).origin}` : '';
  return {
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    // No script at all; the form may post here and the redirect may go to the callback's origin.
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'${formTargets}`,
  };
}

function redirectFor(session: PaymentSession): Response {
  const decision = session.decision!;
  const location = decision.approved
    ? callbackLocation(session.callbackUrl, { success: 'true', policyId: decision.policyId })
    : callbackLocation(session.callbackUrl, { success: 'false', error: decision.error });
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

export function paymentRoutes(sb: SandboxServices): Hono {
  const app = new Hono();

  app.get('/assets/page.css', () => new Response(PAGE_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } }));

  /** The session, or the answer to give when there is none (unknown or expired). */
  const sessionOf = (c: Context): PaymentSession | Response => {
    const session = sb.store.payments.get(c.req.param('id') ?? '');
    if (!session) {
      return c.html(messagePage('Ödeme oturumu bulunamadı', 'Bu ödeme bağlantısı geçersiz. Satın alma adımına dönüp yeniden deneyin.'), 404, pageHeaders());
    }
    if (!session.decision && session.expiresAt <= Date.now()) {
      return c.html(messagePage('Ödeme oturumunun süresi doldu', 'Güvenliğiniz için ödeme sayfası 15 dakika açık kalır. Satın alma adımına dönüp yeniden deneyin.'), 410, pageHeaders());
    }
    return session;
  };

  const render = (c: Context, session: PaymentSession, status: 200 | 422 = 200, errors?: Record<string, string>, holderName?: string) => {
    const product = sb.store.products.get(session.productId)!;
    return c.html(
      paymentPage({ session, insurerName: product.insurer.name, productName: product.productName, errors, holderName }),
      status,
      pageHeaders(session),
    );
  };

  app.get('/:id', (c) => {
    const session = sessionOf(c);
    if (session instanceof Response) return session;
    if (session.decision) return redirectFor(session);
    return render(c, session);
  });

  app.post('/:id', async (c) => {
    const session = sessionOf(c);
    if (session instanceof Response) return session;
    if (session.decision) return redirectFor(session);
    const form = await c.req.parseBody();
    const decision = form['decision'];
    if (decision === 'decline') {
      sb.purchases.decline(
        session,
        session.page === 'insurer-page' ? 'Ödeme sigorta şirketinin sayfasında iptal edildi.' : 'Ödeme 3-D Secure doğrulamasında reddedildi.',
      );
      return redirectFor(session);
    }
    if (decision !== 'approve') {
      return render(c, session, 422, { form: 'Onaylayın ya da reddedin.' });
    }
    if (session.page === 'insurer-page') {
      // The insurer's page collects the card itself: the same checks as the API's.
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      const number = text('cardNumber').replace(/[\s-]+/g, '');
      const expiry = parseCardExpiry(text('cardExpiry'));
      const holderName = text('holderName');
      const errors: Record<string, string> = {};
      if (!/^\d{12,19}$/.test(number)) errors.cardNumber = 'Kart numarası geçersiz.';
      if (!expiry) errors.cardExpiry = 'Son kullanma tarihini AA/YY biçiminde girin.';
      if (!/^\d{3,4}$/.test(text('cvc'))) errors.cvc = 'Güvenlik kodu 3 ya da 4 hanedir.';
      if (holderName.length < 2) errors.holderName = 'Kart üzerindeki adı girin.';
      if (!errors.cardNumber && !errors.cardExpiry && expiry) {
        for (const e of cardErrors({ number, expiryMonth: String(expiry.month).padStart(2, '0'), expiryYear: String(expiry.year) })) {
          if (e.propertyName.endsWith('number')) errors.cardNumber = e.errorMessage;
          else errors.cardExpiry = e.errorMessage;
        }
      }
      if (Object.keys(errors).length) return render(c, session, 422, errors, holderName);
      session.maskedCard = null;
    }
    sb.purchases.approve(session);
    return redirectFor(session);
  });

  return app;
}

export { PAGE_CSS_PATH };
