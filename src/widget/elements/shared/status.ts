/** The pending and error states every async load renders (used with @lit/task). */
import { html, nothing, type TemplateResult } from 'lit';
import { retryKeepingFocus } from './retry-focus.js';

/** Focusable from script only (tabindex -1): a Retry that gives way to it passes focus on. */
export function renderPending(label: string): TemplateResult {
  return html`<div class="pending" role="status" part="pending" tabindex="-1">
    <span class="spinner" aria-hidden="true"></span><span>${label}</span>
  </div>`;
}

/**
 * An error the user can read (role="alert") and, when retrying may help, a Retry button, which
 * keeps the user's focus through the pending status that replaces it (retry-focus.ts).
 */
export function renderError(
  message: string,
  retry?: { label: string; onRetry: () => void },
): TemplateResult {
  return html`<div class="alert error-alert" role="alert" part="error-alert">
    <span class="message">${message}</span>
    ${retry
      ? html`<button type="button" class="button" part="retry-button"
          @click=${(event: Event) => void retryKeepingFocus(event.currentTarget as HTMLElement, retry.onRetry)}
        >
          ${retry.label}
        </button>`
      : nothing}
  </div>`;
}
