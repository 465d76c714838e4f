/**
 * What the vehicle and home steps (`<insurup-vehicle-form>`, `<insurup-property-form>`) share
 * beyond the asset form: the step's section and heading with the current view, the customer's
 * saved assets to pick from (the current one chosen
 * already), adding one instead, the "chosen for quotes" view once an asset is picked or
 * created, and moving focus to each view's heading. Each step gives its list request, its
 * texts (its own message keys) and its views for adding an asset.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { InsurUpClient } from '../../api/client.js';
import type { MessageKey } from '../../i18n/index.js';
import { AssetFormElement } from './asset-form.js';
import { choiceGroup, type Choice } from './choice-group.js';
import { renderError, renderPending } from './status.js';

export interface SavedAssets<A> {
  /** The asset type the session holds for this step. */
  assetType: 'VEHICLE' | 'PROPERTY';
  /** The step's heading: its id and its text. */
  headingId: string;
  title: MessageKey;
  /** The id of each view's heading (the "chosen" message stands in for one in the last view). */
  viewHeadingId: string;
  /** The radio group of saved assets: its id and its inputs' name. */
  choiceId: string;
  choiceName: string;
  /** The step's message keys. */
  text: {
    loading: MessageKey;
    heading: MessageKey;
    legend: MessageKey;
    chooseSaved: MessageKey;
    useSelected: MessageKey;
    add: MessageKey;
    change: MessageKey;
  };
  /** The customer's saved assets. */
  list(client: InsurUpClient, signal: AbortSignal): Promise<A[]>;
  /** A saved asset as a choice of the list. */
  choice(asset: A): Choice;
  /** A saved asset in the "chosen for quotes" message. */
  describe(asset: A): string;
}

export abstract class SavedAssetFormElement<A extends { id: string }, V extends string> extends AssetFormElement {
  @state() protected view: V | 'saved' | 'done' = 'saved';
  @state() protected chosenSaved = '';
  @state() protected savedChoiceMissing = false;
  /** The asset just chosen, for the "done" message. */
  @state() protected chosenText = '';

  protected abstract readonly saved: SavedAssets<A>;

  /** Shows the first view for adding an asset (the add button). */
  protected abstract startAdd(): void;
  /** The first view for adding an asset, shown instead of an empty list. */
  protected abstract renderAddView(): TemplateResult;
  /** The "chosen for quotes" message, with `chosenText`. */
  protected abstract readyText(): string;
  /** One of the step's own views (adding an asset). */
  protected abstract renderStepView(view: V): TemplateResult;

  protected readonly savedAssets = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      const assets = await this.reported(this.saved.list(client, signal));
      const current = this.session?.state.asset;
      if (!this.chosenSaved && current?.type === this.saved.assetType && assets.some((a) => a.id === current.id)) {
        this.chosenSaved = current.id;
      }
      return assets;
    },
    // Per customer: another customer logging in on the page gets their own list.
    args: () => [this.client, this.customer?.id] as const,
  });

  override render(): TemplateResult {
    const { headingId, title } = this.saved;
    return html`<section class="surface" part="base" aria-labelledby=${headingId}>
      <h2 id=${headingId} part="heading" tabindex="-1">${this.t(title)}</h2>
      ${this.renderGate() ?? this.renderView()}
    </section>`;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    if (view === 'saved') return this.renderSaved();
    if (view === 'done') return this.renderDone();
    return this.renderStepView(view as V);
  }

  /** Back to the saved view, as after another customer logged in or a logout. */
  protected resetSaved(): void {
    this.view = 'saved';
    this.chosenSaved = '';
    this.savedChoiceMissing = false;
    this.chosenText = '';
  }

  protected get hasSavedAssets(): boolean {
    return this.savedAssets.status === TaskStatus.COMPLETE && (this.savedAssets.value?.length ?? 0) > 0;
  }

  private renderSaved(): TemplateResult {
    return (
      this.savedAssets.render({
        initial: () => renderPending(this.t(this.saved.text.loading)),
        pending: () => renderPending(this.t(this.saved.text.loading)),
        error: (error) => html`${renderError(this.describeError(error), {
            label: this.t('common.retry'),
            onRetry: () => void this.savedAssets.run(),
          })}
          <div class="actions" part="actions">${this.addButton()}</div>`,
        // With nothing saved yet, adding one is the only way on.
        complete: (assets) => (assets.length ? this.renderSavedList(assets) : this.renderAddView()),
      }) ?? nothing
    ) as TemplateResult;
  }

  private renderSavedList(assets: A[]): TemplateResult {
    const { text, viewHeadingId, choiceId, choiceName } = this.saved;
    return html`<form part="form" novalidate @submit=${(event: Event) => this.onUseSaved(event, assets)}>
      <h3 id=${viewHeadingId} part="subheading" tabindex="-1">${this.t(text.heading)}</h3>
      ${choiceGroup({
        id: choiceId,
        name: choiceName,
        legend: this.t(text.legend),
        value: this.chosenSaved,
        error: this.savedChoiceMissing && !this.chosenSaved ? this.t(text.chooseSaved) : null,
        choices: assets.map((asset) => this.saved.choice(asset)),
        onChange: (id) => (this.chosenSaved = id),
      })}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" part="submit-button">${this.t(text.useSelected)}</button>
        ${this.addButton()}
      </div>
    </form>`;
  }

  private addButton(): TemplateResult {
    return html`<button type="button" class="button" part="secondary-button" @click=${() => this.startAdd()}>
      ${this.t(this.saved.text.add)}
    </button>`;
  }

  private onUseSaved(event: Event, assets: A[]): void {
    event.preventDefault();
    const asset = assets.find((a) => a.id === this.chosenSaved);
    if (!asset) {
      this.savedChoiceMissing = true;
      void this.focusAfterRender(`input[name="${this.saved.choiceName}"]`);
      return;
    }
    this.chosenText = this.saved.describe(asset);
    this.finishAsset({ type: this.saved.assetType, id: asset.id });
    this.showView('done');
  }

  /** Back to the saved list, when there is one. */
  protected renderBackToSaved(): TemplateResult | typeof nothing {
    return this.hasSavedAssets
      ? html`<button type="button" class="button" part="secondary-button" @click=${() => this.showView('saved')}>
          ${this.t('common.back')}
        </button>`
      : nothing;
  }

  /** An asset just created is the one chosen for quotes, and joins the saved list. */
  protected chooseCreated(id: string, text: string): void {
    this.chosenText = text;
    this.finishAsset({ type: this.saved.assetType, id });
    this.chosenSaved = id;
    this.showView('done');
    void this.savedAssets.run();
  }

  private renderDone(): TemplateResult {
    return html`<p id=${this.saved.viewHeadingId} class="alert info" part="notice" role="status" tabindex="-1">
        ${this.readyText()}
      </p>
      <div class="actions" part="actions">
        <button type="button" class="button" part="secondary-button" @click=${() => this.showView('saved')}>
          ${this.t(this.saved.text.change)}
        </button>
      </div>`;
  }

  /** Shows another view and moves focus to its heading, so keyboard and screen reader users follow. */
  protected showView(view: V | 'saved' | 'done'): void {
    this.view = view;
    this.savedChoiceMissing = false;
    void this.focusAfterRender(`#${this.saved.viewHeadingId}`);
  }
}
