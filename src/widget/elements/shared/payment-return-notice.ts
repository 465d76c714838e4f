/**
 * The message for a payment return this tab did not start (FlowSession.foreignReturn): "checking
 * your payment", "log in to see it", "could not confirm it here" or a failed check with Retry.
 * Shown once per session: by `<insurup-flow>` above its step, or by the first separately placed
 * `<insurup-checkout>` / `<insurup-policy>` that asks. A confirmed return shows the policy
 * instead, so it has no message.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowSession } from '../../session/flow-session.js';
import type { InsurupElement } from './insurup-element.js';
import { renderError, renderPending } from './status.js';

export function renderForeignReturn(host: InsurupElement, session: FlowSession): TemplateResult | typeof nothing {
  const found = session.foreignReturn;
  if (!found || found.status === 'confirmed' || !session.claimReturnNotice(host)) return nothing;
  switch (found.status) {
    case 'checking':
      return renderPending(host.t('common.paymentReturn.checking'));
    case 'login':
      return html`<p class="alert info payment-return" part="notice" role="status">${host.t('common.paymentReturn.login')}</p>`;
    case 'unconfirmed':
      return html`<div class="alert info payment-return" part="notice" role="alert">
        <span class="message">
          <strong>${host.t('common.paymentReturn.unconfirmed.title')}</strong><br />
          ${host.t('common.paymentReturn.unconfirmed.body')}
        </span>
      </div>`;
    case 'failed':
      return renderError(host.describeError(found.error), {
        label: host.t('common.retry'),
        onRetry: () => session.retryForeignReturn(),
      });
  }
}

/**
 * A separately placed `<insurup-checkout>` or `<insurup-policy>`: the message of a payment return
 * from another tab above the element's own content (`rest`), or in its place while the return is
 * being checked or waits for a login (until then the content would show an outdated state).
 */
export function withForeignReturn(
  host: InsurupElement,
  session: FlowSession,
  rest: () => TemplateResult | typeof nothing,
): TemplateResult | typeof nothing {
  const returned = renderForeignReturn(host, session);
  if (returned === nothing) return rest();
  const status = session.foreignReturn?.status;
  if (status === 'checking' || status === 'login') return returned;
  return html`${returned}${rest()}`;
}
