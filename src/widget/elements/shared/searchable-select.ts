/**
 * A searchable list: a native `<input type="search">` that narrows a native `<select size>`
 * (a listbox that every screen reader, keyboard and phone already knows how to operate).
 *
 * - Typing filters the options, ignoring case and Turkish accents ("kadikoy" finds "Kadıköy").
 * - ArrowDown in the search box moves into the list; Enter picks the only match (with several,
 *   it moves into the list) and never submits the surrounding form.
 * - The current choice always stays in the list, so a filter never hides what is selected.
 * - While filtering, the number of matches is announced politely (and "no results" always).
 * - While the options load, or when loading failed, the same block shows the pending state or
 *   the error with a Retry, so each list has its own loading and error state.
 *
 * One `SearchableSelect` controller per list keeps that list's filter text; `render()` is called
 * from the host's template (so the `<label for>` and the controls share one shadow root).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderError, renderPending } from './status.js';
import { blurUnlessSubmitting } from './field-blur.js';

/** InsurUp's `{ value, text }`, so parameter lists (brands, cities, ...) pass straight in. */
export interface SearchableOption {
  value: string;
  text: string;
}

export type SearchableStatus =
  | { kind: 'pending'; label: string }
  | { kind: 'error'; message: string; retryLabel: string; onRetry: () => void };

export interface SearchableSelectOptions {
  /** The list's id; the search box is `<id>-search`. */
  id: string;
  name: string;
  label: string;
  /** Accessible name of the search box, e.g. "Marka ara". */
  searchLabel: string;
  options: readonly SearchableOption[];
  value: string;
  /** "{count} results" in the UI language. */
  resultCount: (count: number) => string;
  noResults: string;
  error?: string | null | undefined;
  hint?: string | undefined;
  /** Loading or failed: shown instead of the controls. */
  status?: SearchableStatus | undefined;
  /** Visible rows (default 6). */
  rows?: number;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/** Lower-cased (tr-TR) and without accents, so "Çankaya", "cankaya" and "ÇANKAYA" match. */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('tr-TR')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .trim();
}

/**
 * The options to list for `query`: the matches, plus the selected option (first) when the
 * filter would hide it; `matches`: the real matches only.
 */
export function filterOptions(
  options: readonly SearchableOption[],
  query: string,
  selected: string,
): { visible: SearchableOption[]; matches: SearchableOption[] } {
  const needle = foldForSearch(query);
  if (!needle) return { visible: [...options], matches: [...options] };
  const matches = options.filter((option) => foldForSearch(option.text).includes(needle));
  const current = options.find((option) => option.value === selected);
  const visible = current && !matches.includes(current) ? [current, ...matches] : matches;
  return { visible, matches };
}

/** What `listStatus` reads of a `@lit/task` Task that loads a list. */
export interface ListTask {
  readonly status: TaskStatus;
  readonly error: unknown;
  run(): Promise<void>;
}

/** The pending or error status of a list loaded by a Task; undefined once it has loaded. */
export function listStatus(
  task: ListTask,
  texts: { loading: string; retryLabel: string; describe: (error: unknown) => string },
): SearchableStatus | undefined {
  if (task.status === TaskStatus.INITIAL || task.status === TaskStatus.PENDING) {
    return { kind: 'pending', label: texts.loading };
  }
  if (task.status === TaskStatus.ERROR) {
    return { kind: 'error', message: texts.describe(task.error), retryLabel: texts.retryLabel, onRetry: () => void task.run() };
  }
  return undefined;
}

export class SearchableSelect implements ReactiveController {
  private query = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The filter text typed so far. */
  get filter(): string {
    return this.query;
  }

  /** Forgets the filter (when the list's parent choice changes). */
  clear(): void {
    if (!this.query) return;
    this.query = '';
    this.host.requestUpdate();
  }

  render(o: SearchableSelectOptions): TemplateResult {
    const hintId = o.hint ? `${o.id}-hint` : undefined;
    if (o.status) {
      // No control to label yet: the label is plain text naming the pending or failed list.
      return html`<div class="field searchable" part="field searchable">
        <span class="label" part="label">${o.label}</span>
        ${o.status.kind === 'pending'
          ? renderPending(o.status.label)
          : renderError(o.status.message, { label: o.status.retryLabel, onRetry: o.status.onRetry })}
      </div>`;
    }
    const { visible, matches } = filterOptions(o.options, this.query, o.value);
    const countId = `${o.id}-count`;
    const errorId = `${o.id}-error`;
    const describedBy = [hintId, o.error ? errorId : undefined].filter(Boolean).join(' ');
    const rows = Math.max(2, Math.min(o.rows ?? 6, visible.length));
    return html`<div class="field searchable" part="field searchable">
      <label for=${o.id} part="label">${o.label}</label>
      ${o.hint ? html`<span class="hint" id=${hintId!} part="hint">${o.hint}</span>` : nothing}
      <input
        type="search"
        id=${`${o.id}-search`}
        name=${`${o.name}-search`}
        class="search"
        part="search-input"
        .value=${live(this.query)}
        aria-label=${o.searchLabel}
        placeholder=${o.searchLabel}
        aria-controls=${o.id}
        aria-describedby=${countId}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        enterkeyhint="search"
        @input=${(event: Event) => {
          this.query = (event.target as HTMLInputElement).value;
          this.host.requestUpdate();
        }}
        @keydown=${(event: KeyboardEvent) => this.onSearchKey(event, o, matches)}
      />
      <select
        id=${o.id}
        name=${o.name}
        part="listbox"
        size=${rows}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @change=${(event: Event) => o.onChange((event.target as HTMLSelectElement).value)}
        @blur=${blurUnlessSubmitting(() => o.onBlur?.())}
      >
        ${visible.map(
          (option) => html`<option value=${option.value} .selected=${live(option.value === o.value)}>${option.text}</option>`,
        )}
      </select>
      <span class="hint result-count" id=${countId} part="result-count" aria-live="polite"
        >${matches.length === 0 ? o.noResults : this.query ? o.resultCount(matches.length) : nothing}</span
      >
      <span class="error" id=${errorId} part="field-error" aria-live="polite">${o.error ?? nothing}</span>
    </div>`;
  }

  private onSearchKey(event: KeyboardEvent, o: SearchableSelectOptions, matches: SearchableOption[]): void {
    const list = (event.target as HTMLElement).parentElement?.querySelector('select');
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list?.focus();
    } else if (event.key === 'Enter') {
      // Enter in a search box would submit the form: pick the only match, or go to the list.
      event.preventDefault();
      if (this.query && matches.length === 1 && matches[0]!.value !== o.value) o.onChange(matches[0]!.value);
      list?.focus();
    } else if (event.key === 'Escape' && this.query) {
      event.preventDefault();
      this.clear();
    }
  }
}

/** Styles for the search box and list (hosts add them to their `static styles`). */
export const searchableSelectStyles = css`
  .searchable .search {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .searchable select[size] {
    margin-block-start: -0.0625em;
    border-start-start-radius: 0;
    border-start-end-radius: 0;
    padding: 0.25em 0;
    min-height: 0;
    overflow-y: auto;
  }
  /* Each option is a touch target of 2.75em: one line of text (Chromium keeps a listbox
     option's line height normal, about 1.2em) with 0.75em above and below, so the text sits
     centred (the chosen row's band shows it). border-box, or min-height would add to the
     padding and leave the text at the top of a taller row. */
  .searchable option {
    box-sizing: border-box;
    padding: 0.75em;
    min-height: 2.75em;
    white-space: normal;
  }
  .searchable option:checked {
    background: var(--_primary) linear-gradient(0deg, var(--_primary), var(--_primary));
    color: var(--_on-primary);
  }
  .searchable .result-count:empty {
    display: none;
  }
`;
