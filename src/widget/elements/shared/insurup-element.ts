/**
 * The base of every `insurup-*` element: configuration attributes, the shared session, the
 * language, translated strings, Intl formatting and the one typed `emit()`.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ProductName } from '../../../contract/index.js';
import type { Currency } from '../../../contract/z.js';
import { SessionController } from '../../controllers/session-controller.js';
import { LangController } from '../../controllers/lang-controller.js';
import { emit, type InsurupEventMap, type InsurupEventName, type StepName } from '../../events.js';
import {
  formatDate,
  formatMoney,
  translate,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '../../i18n/index.js';
import { errorMessage, InsurUpError, isAbort } from '../../api/errors.js';
import type { FlowSession } from '../../session/flow-session.js';
import { elementStyles } from '../../styles/shared.js';

export class InsurupElement extends LitElement {
  static override styles = elementStyles;

  /**
   * The agency proxy's URL (absolute, or a path on this site such as `/insurup`). Required on
   * `<insurup-flow>` and on every element placed on its own; a step a flow renders uses the flow's.
   */
  @property({ attribute: 'proxy-url' }) proxyUrl?: string;

  /**
   * The product: kasko, trafik, imm, konut, dask or tss. Set it on `<insurup-flow>` and on every
   * element placed on its own (elements with the same `proxy-url` and `product` share one
   * session); a step a flow renders gets the flow's.
   */
  @property({ reflect: true }) product?: ProductName;

  /** `light` or `dark`; by default the user's system setting decides. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly sessionController = new SessionController(this);
  private readonly langController = new LangController(this);

  /** The shared session, once a flow or the page provider has answered. */
  get session(): FlowSession | undefined {
    return this.sessionController.session;
  }

  /** The resolved UI language (`lang` here, on an ancestor, or on `<html>`). */
  get language(): Lang {
    return this.langController.lang;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.language, key, params);
  }

  money(amount: number, currency: Currency = 'TURKISH_LIRA'): string {
    return formatMoney(amount, currency, this.language);
  }

  date(iso: string): string {
    return formatDate(iso, this.language);
  }

  /** Dispatches a typed `insurup-*` event (bubbles, composed). */
  emit<K extends InsurupEventName>(name: K, detail: InsurupEventMap[K]): boolean {
    return emit(this, name, detail);
  }

  /** The localized sentence for a failure. */
  describeError(error: unknown): string {
    return errorMessage(error, this.language);
  }

  /** Tells the page about a failure the user saw (`insurup-error`, no personal data). */
  reportError(error: unknown, step: StepName | null): void {
    if (isAbort(error)) return;
    const known = error instanceof InsurUpError ? error : null;
    this.emit('insurup-error', { step, code: known?.code ?? 'unknown', status: known?.status ?? null });
  }
}
