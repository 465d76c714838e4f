import './messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { PROPERTY_LIMITS, type Address, type AddressLevel, type CreatePropertyRequest, type Property } from '../../../contract/index.js';
import { defineElement } from '../../define.js';
import { isMessageKey, type MessageKey } from '../../i18n/index.js';
import { parseUavt, validateUavt } from '../../validation/address.js';
import { parseInteger } from '../../validation/numbers.js';
import { choiceGroup, choiceGroupStyles } from '../shared/choice-group.js';
import { selectField, textField } from '../shared/field.js';
import { FormState } from '../shared/form-state.js';
import { listStatus, searchableSelectStyles } from '../shared/searchable-select.js';
import { SavedAssetFormElement, type SavedAssets } from '../shared/saved-asset-form.js';
import { renderPending } from '../shared/status.js';
import { elementStyles } from '../../styles/shared.js';
import { AddressCascade, LEVELS } from './address-cascade.js';
import { addressArea, addressLine, addressText } from './address-text.js';
import {
  createPropertyBody,
  DETAIL_CHOICES,
  DETAIL_FIELDS,
  DETAIL_VALIDATORS,
  EMPTY_DETAILS,
  floorChoices,
  highestFloor,
  type DetailsValues,
} from './details.js';
import { propertyFormStyles } from './styles.js';

/** Besides saved and done: address: UAVT code or the cascade · details: area, year, floors, ... */
type View = 'address' | 'details';
type AddressMode = 'uavt' | 'cascade';

const LEVEL_TEXT: Record<AddressLevel, { label: MessageKey; search: MessageKey }> = {
  cities: { label: 'property.city', search: 'property.citySearch' },
  districts: { label: 'property.district', search: 'property.districtSearch' },
  towns: { label: 'property.town', search: 'property.townSearch' },
  neighbourhoods: { label: 'property.neighbourhood', search: 'property.neighbourhoodSearch' },
  streets: { label: 'property.street', search: 'property.streetSearch' },
  buildings: { label: 'property.building', search: 'property.buildingSearch' },
  apartments: { label: 'property.apartment', search: 'property.apartmentSearch' },
};

/**
 * The home step for konut and DASK. The customer picks one of their saved homes, or adds one:
 * by its 10-digit UAVT address code (the address is looked up and shown for confirmation), or,
 * without the code, by choosing city → district → town → neighbourhood → street → building →
 * flat from searchable lists, the flat giving the UAVT code. Then the area, year built, floors,
 * construction, damage, use and ownership. The new home is created and chosen for the quotes.
 *
 * Works inside `<insurup-flow>` and on its own (`proxy-url` and `product`, default `konut`); on
 * its own it also opens the sales-opportunity case the first time it shows for a logged-in
 * customer.
 *
 * @summary Home step: saved homes, UAVT code lookup or the address cascade, and the home's details.
 *
 * @fires insurup-asset-ready - A home was chosen for quotes. Detail: `{ product, assetType: 'PROPERTY' }`.
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: 'asset', code, status }`.
 *
 * @csspart base - The section around the form.
 * @csspart heading - The "Your home" heading (focused by the flow on step changes).
 * @csspart subheading - The heading of the current view (saved homes, address, details); focused when the view changes.
 * @csspart notice - An information message (log in first, the UAVT code of the chosen flat, home chosen).
 * @csspart form - Each form (saved homes, address, details).
 * @csspart choices - A radio group (saved homes, how to find the address); with `legend` and `choice`.
 * @csspart field - A field wrapper; with `label`, `input`, `select`, `hint`, `field-error`.
 * @csspart cascade - The group of address lists.
 * @csspart search-input - The search box of an address list.
 * @csspart listbox - An address list.
 * @csspart result-count - The number of matches while searching a list.
 * @csspart address - The address found for a UAVT code, and the address above the details.
 * @csspart actions - The row of buttons.
 * @csspart submit-button - The main button of each view.
 * @csspart secondary-button - Add a home, back, change the address, change home.
 * @csspart pending - A loading or saving status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons and the selected choice.
 * @cssprop --insurup-color-danger - Errors.
 * @cssprop --insurup-color-divider - Borders of the choices and the address card.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius of fields, choices and buttons.
 * @cssprop --insurup-control-height - Minimum height of inputs and buttons (touch target).
 */
export class InsurupPropertyForm extends SavedAssetFormElement<Property, View> {
  static override styles = [...elementStyles, choiceGroupStyles, searchableSelectStyles, propertyFormStyles];

  @state() private mode: AddressMode = 'uavt';
  @state() private cascadeIncomplete = false;
  /** The address the details belong to, and its UAVT code. */
  @state() private confirmed: { uavt: string; address: Address } | null = null;

  private lookupNumber: number | null = null;
  private createBody: CreatePropertyRequest | null = null;

  private readonly uavtForm = new FormState<{ uavt: string }>(this, { uavt: '' }, { uavt: validateUavt });
  private readonly detailsForm = new FormState<DetailsValues>(this, EMPTY_DETAILS, DETAIL_VALIDATORS);
  private readonly cascade = new AddressCascade(this, {
    client: () => this.client,
    reported: (request) => this.reported(request),
  });

  protected readonly saved: SavedAssets<Property> = {
    assetType: 'PROPERTY',
    headingId: 'property-heading',
    title: 'property.title',
    viewHeadingId: 'property-view-heading',
    choiceId: 'saved-home',
    choiceName: 'savedHome',
    text: {
      loading: 'property.savedLoading',
      heading: 'property.savedHeading',
      legend: 'property.savedLegend',
      chooseSaved: 'property.chooseSaved',
      useSelected: 'property.useSelected',
      add: 'property.addHome',
      change: 'property.change',
    },
    list: (client, signal) => client.request('listProperties', {}, { signal }),
    choice: (home) => ({
      value: home.id,
      label: addressLine(home.address),
      detail: this.t('property.savedDetail', {
        district: home.address.district.text,
        city: home.address.city.text,
        squareMeter: home.squareMeter,
        uavt: String(home.number),
      }),
    }),
    describe: (home) => addressText(home.address),
  };

  /** The address of a UAVT code, for the customer to confirm. */
  private readonly addressLookup = new Task(this, {
    autoRun: false,
    task: async ([client, propertyNumber], { signal }) => {
      if (!client || propertyNumber === null) return initialState;
      const address = await this.reported(
        client.request('queryAddressByPropertyNumber', { body: { propertyNumber } }, { signal }),
      );
      void this.focusAfterRender('#found-address');
      return { uavt: String(propertyNumber), address };
    },
    args: () => [this.client, this.lookupNumber] as const,
  });

  private readonly create = new Task(this, {
    autoRun: false,
    task: async ([client, body], { signal }) => {
      if (!client || !body) return initialState;
      const { newPropertyId } = await this.reported(
        client.request('createProperty', { params: { customerId: body.customerId }, body }, { signal }),
      );
      this.chooseCreated(newPropertyId, this.confirmed ? addressText(this.confirmed.address) : String(body.number));
      return newPropertyId;
    },
    args: () => [this.client, this.createBody] as const,
  });

  constructor() {
    super();
    this.product = 'konut';
  }

  protected override resetForm(): void {
    this.resetSaved();
    this.mode = 'uavt';
    this.cascadeIncomplete = false;
    this.confirmed = null;
    this.refill(this.uavtForm, { uavt: '' });
    this.refill(this.detailsForm, EMPTY_DETAILS);
    this.cascade.reset();
    // Without input the requests settle back to their initial state (no stale message shows).
    this.lookupNumber = null;
    this.createBody = null;
    void this.addressLookup.run();
    void this.create.run();
  }

  protected renderStepView(view: View): TemplateResult {
    return view === 'address' ? this.renderAddress() : this.renderDetails();
  }

  // ---- address: UAVT code or the cascade ----------------------------------------------------

  protected startAdd(): void {
    this.showView('address');
  }

  protected renderAddView(): TemplateResult {
    return this.renderAddress();
  }

  private renderAddress(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="address-step">
      <h3 id="property-view-heading" part="subheading" tabindex="-1">${t('property.addressHeading')}</h3>
      ${choiceGroup({
        id: 'address-mode',
        name: 'addressMode',
        legend: t('property.modeLegend'),
        value: this.mode,
        choices: [
          { value: 'uavt', label: t('property.modeUavt') },
          { value: 'cascade', label: t('property.modeCascade') },
        ],
        onChange: (mode) => {
          this.mode = mode as AddressMode;
          this.cascadeIncomplete = false;
          if (this.mode === 'cascade') this.cascade.start();
        },
      })}
      ${this.mode === 'uavt' ? this.renderUavt() : this.renderCascade()}
    </div>`;
  }

  private renderUavt(): TemplateResult {
    const t = this.t.bind(this);
    const form = this.uavtForm;
    const lookup = this.addressLookup;
    // The answer only counts for the code as it is typed now.
    const found =
      lookup.status === TaskStatus.COMPLETE && lookup.value && lookup.value.uavt === parseUavt(form.values.uavt)
        ? lookup.value
        : null;
    return html`<form part="form" novalidate @submit=${this.onUavtSubmit}>
        ${textField({
          id: 'uavt',
          name: 'uavt',
          label: t('property.uavt'),
          hint: t('property.uavtHint'),
          value: form.values.uavt,
          error: this.fieldError(form, 'uavt'),
          inputmode: 'numeric',
          autocomplete: 'off',
          maxlength: 12,
          required: true,
          onInput: (value) => form.set('uavt', value),
          onBlur: () => form.touch('uavt'),
        })}
        ${lookup.status === TaskStatus.PENDING ? renderPending(t('property.findingAddress')) : nothing}
        ${lookup.status === TaskStatus.ERROR ? this.renderRequestError(lookup.error, () => void lookup.run()) : nothing}
        <div class="actions" part="actions">
          <button type="submit" class="button ${found ? '' : 'primary'}" part="submit-button">${t('property.findAddress')}</button>
          ${this.renderBackToSaved()}
        </div>
      </form>
      ${found
        ? html`<div class="card found-address" part="address">
            <p id="found-address" tabindex="-1">${t('property.addressFound')}</p>
            <p class="address-text"><strong>${addressLine(found.address)}</strong><br />${addressArea(found.address)}</p>
            <button type="button" class="button primary" part="submit-button" @click=${() => this.confirmAddress(found)}>
              ${t('property.confirmAddress')}
            </button>
          </div>`
        : nothing}`;
  }

  private onUavtSubmit = (event: Event): void => {
    event.preventDefault();
    const invalid = this.uavtForm.submit(['uavt']);
    if (invalid) {
      void this.focusAfterRender('[name="uavt"]');
      return;
    }
    if (this.addressLookup.status === TaskStatus.PENDING) return;
    this.lookupNumber = Number(parseUavt(this.uavtForm.values.uavt));
    void this.addressLookup.run();
  };

  private renderCascade(): TemplateResult {
    const t = this.t.bind(this);
    const cascade = this.cascade;
    const address = cascade.address();
    return html`<form part="form" novalidate @submit=${this.onCascadeSubmit}>
      <div class="cascade" part="cascade">
        ${LEVELS.filter((level) => cascade.isOpen(level)).map((level) => {
          const text = LEVEL_TEXT[level];
          const task = cascade.tasks[level];
          return cascade.lists[level].render({
            id: `address-${level}`,
            name: level,
            label: t(text.label),
            searchLabel: t(text.search),
            options: task.value ?? [],
            value: cascade.value(level),
            resultCount: (count) => t('common.resultCount', { count }),
            noResults: t('common.noResults'),
            status: listStatus(task, {
              loading: t('property.levelLoading', { level: t(text.label) }),
              retryLabel: t('common.retry'),
              describe: (error) => this.describeError(error),
            }),
            onChange: (value) => cascade.choose(level, value),
          });
        })}
      </div>
      ${address ? html`<p class="alert info" part="notice">${t('property.cascadeUavt', { uavt: cascade.uavt })}</p>` : nothing}
      ${this.cascadeIncomplete && !address
        ? html`<p class="error" role="alert" part="field-error">${t('property.cascadeIncomplete')}</p>`
        : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" part="submit-button">${t('common.continue')}</button>
        ${this.renderBackToSaved()}
      </div>
    </form>`;
  }

  private onCascadeSubmit = (event: Event): void => {
    event.preventDefault();
    const address = this.cascade.address();
    if (!address) {
      this.cascadeIncomplete = true;
      // The first level still to choose.
      const open = LEVELS.find((level) => !this.cascade.value(level));
      if (open) void this.focusAfterRender(`[name="${open}"]`);
      return;
    }
    this.confirmAddress({ uavt: this.cascade.uavt, address });
  };

  private confirmAddress(confirmed: { uavt: string; address: Address }): void {
    this.confirmed = confirmed;
    this.cascadeIncomplete = false;
    this.detailsForm.resetVisibility();
    this.showView('details');
  }

  // ---- details -----------------------------------------------------------------------------

  private renderDetails(): TemplateResult {
    const t = this.t.bind(this);
    const form = this.detailsForm;
    const values = form.values;
    const confirmed = this.confirmed;
    if (!confirmed) return this.renderAddress();
    const squareMeter = PROPERTY_LIMITS.squareMeter;
    return html`<form part="form" novalidate @submit=${this.onDetailsSubmit}>
      <h3 id="property-view-heading" part="subheading" tabindex="-1">${t('property.detailsHeading')}</h3>
      <p class="address-text card" part="address">
        <strong>${addressLine(confirmed.address)}</strong><br />${addressArea(confirmed.address)} · UAVT ${confirmed.uavt}
      </p>
      ${textField({
        id: 'square-meter',
        name: 'squareMeter',
        label: t('property.squareMeter'),
        hint: t('property.squareMeterHint', { min: squareMeter.min, max: squareMeter.max }),
        value: values.squareMeter,
        error: this.fieldError(form, 'squareMeter'),
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 6,
        required: true,
        onInput: (value) => form.set('squareMeter', value),
        onBlur: () => form.touch('squareMeter'),
      })}
      ${textField({
        id: 'construction-year',
        name: 'constructionYear',
        label: t('property.constructionYear'),
        hint: t('property.constructionYearHint'),
        value: values.constructionYear,
        error: this.fieldError(form, 'constructionYear'),
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 4,
        required: true,
        onInput: (value) => form.set('constructionYear', value),
        onBlur: () => form.touch('constructionYear'),
      })}
      ${textField({
        id: 'total-floors',
        name: 'totalFloors',
        label: t('property.totalFloors'),
        value: values.totalFloors,
        error: this.fieldError(form, 'totalFloors'),
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 3,
        required: true,
        onInput: (value) => form.set('totalFloors', value),
        onBlur: () => form.touch('totalFloors'),
      })}
      ${selectField({
        id: 'current-floor',
        name: 'currentFloor',
        label: t('property.currentFloor'),
        hint: t('property.currentFloorHint'),
        value: values.currentFloor,
        placeholder: t('common.select'),
        options: floorChoices(values).map((floor) => ({ value: String(floor), label: this.floorText(floor) })),
        error: this.currentFloorError(),
        required: true,
        onChange: (value) => form.set('currentFloor', value),
        onBlur: () => form.touch('currentFloor'),
      })}
      ${(['structure', 'damageStatus', 'usage', 'ownership'] as const).map((name) =>
        selectField({
          id: `property-${name}`,
          name,
          label: t(`property.${name}`),
          value: values[name],
          placeholder: t('common.select'),
          options: DETAIL_CHOICES[name].map((choice) => ({ value: choice, label: this.choiceText(name, choice) })),
          error: this.fieldError(form, name),
          required: true,
          onChange: (value) => form.set(name, value),
          onBlur: () => form.touch(name),
        }),
      )}
      ${this.create.status === TaskStatus.PENDING ? renderPending(t('property.saving')) : nothing}
      ${this.create.status === TaskStatus.ERROR ? this.renderRequestError(this.create.error, () => void this.create.run()) : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" part="submit-button">${t('property.save')}</button>
        <button type="button" class="button" part="secondary-button" @click=${() => this.showView('address')}>
          ${t('property.changeAddress')}
        </button>
      </div>
    </form>`;
  }

  private floorText(floor: number): string {
    if (floor < 0) return this.t('property.floorBasement', { floor });
    if (floor === 0) return this.t('property.floorGround');
    return String(floor);
  }

  private choiceText(name: 'structure' | 'damageStatus' | 'usage' | 'ownership', choice: string): string {
    const key = `property.${name}.${choice}`;
    return isMessageKey(key) ? this.t(key) : choice;
  }

  /** Above the building's floor count says so in words; other errors are the usual ones. */
  private currentFloorError(): string | null {
    const form = this.detailsForm;
    const floor = parseInteger(form.values.currentFloor);
    if (form.visibleError('currentFloor') && floor !== undefined && floor > highestFloor(form.values)) {
      return this.t('property.currentFloorTooHigh', { total: highestFloor(form.values) });
    }
    return this.fieldError(form, 'currentFloor');
  }

  private onDetailsSubmit = (event: Event): void => {
    event.preventDefault();
    const invalid = this.detailsForm.submit(DETAIL_FIELDS);
    if (invalid) {
      void this.focusAfterRender(`[name="${invalid}"]`);
      return;
    }
    const customer = this.customer;
    if (!customer || !this.confirmed || this.create.status === TaskStatus.PENDING) return;
    this.createBody = createPropertyBody(customer.id, this.confirmed.uavt, this.detailsForm.values);
    void this.create.run();
  };

  // ---- done --------------------------------------------------------------------------------

  protected readyText(): string {
    return this.t('property.ready', { address: this.chosenText });
  }
}

defineElement('insurup-property-form', InsurupPropertyForm);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-property-form': InsurupPropertyForm;
  }
}
