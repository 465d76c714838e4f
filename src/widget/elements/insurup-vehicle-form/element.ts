import './messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import {
  COMMON_UTILIZATION_STYLES,
  FuelType,
  type CreateVehicleRequest,
  type Vehicle,
  type VehicleLookupRequest,
  type VehicleLookupResponse,
} from '../../../contract/index.js';
import { InsurUpError, isAbort } from '../../api/errors.js';
import { defineElement } from '../../define.js';
import { isMessageKey } from '../../i18n/index.js';
import { formatPlate, parsePlate, validatePlate } from '../../validation/plate.js';
import { parseRegistrationSerial, validateRegistrationSerial } from '../../validation/vehicle.js';
import { choiceGroup, choiceGroupStyles } from '../shared/choice-group.js';
import { selectField, textField } from '../shared/field.js';
import { FormState } from '../shared/form-state.js';
import {
  listStatus,
  SearchableSelect,
  searchableSelectStyles,
  type ListTask,
  type SearchableStatus,
} from '../shared/searchable-select.js';
import { SavedAssetFormElement, type SavedAssets } from '../shared/saved-asset-form.js';
import { renderError, renderPending } from '../shared/status.js';
import { elementStyles } from '../../styles/shared.js';
import { provinceName, provinceOptions } from './provinces.js';
import { vehicleFormStyles } from './styles.js';
import { vehicleModelText, vehiclePlateText } from './vehicle-text.js';

/** Besides saved and done: add: plate + serial (or a new car's province) · details: brand, year, model, fuel, use. */
type View = 'add' | 'details';
/** Where the details came from, which decides the note above them. */
type DetailsOrigin = 'registry' | 'not-found' | 'manual' | 'new-car';

const FIRST_MODEL_YEAR = 1950;

type AddValues = { hasPlate: 'yes' | 'no'; plate: string; serial: string; plateCity: string };
type DetailsValues = { brand: string; year: string; model: string; fuel: string; usage: string };

const EMPTY_ADD: AddValues = { hasPlate: 'yes', plate: '', serial: '', plateCity: '' };
const EMPTY_DETAILS: DetailsValues = { brand: '', year: '', model: '', fuel: '', usage: 'PRIVATE_CAR' };

const required = (value: string) => (value ? null : ('required' as const));

/**
 * The vehicle step for kasko, trafik and imm. The customer picks one of their saved vehicles,
 * or adds one: the plate and the registration serial fetch brand, model, year, fuel and use
 * from the registry for the customer to confirm; when the registry does not know the car the
 * customer picks brand (searchable), model year and model (searchable) from InsurUp's lists;
 * a brand-new car without a plate yet is registered with its province only. The new vehicle is
 * created and chosen for the quotes.
 *
 * Works inside `<insurup-flow>` and on its own (`proxy-url` and `product`); on its own it also
 * opens the sales-opportunity case the first time it shows for a logged-in customer.
 *
 * @summary Vehicle step: saved vehicles, registry lookup by plate and serial, brand / model lists, brand-new cars.
 *
 * @fires insurup-asset-ready - A vehicle was chosen for quotes. Detail: `{ product, assetType: 'VEHICLE' }`.
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: 'asset', code, status }`.
 *
 * @csspart base - The section around the form.
 * @csspart heading - The "Your vehicle" heading (focused by the flow on step changes).
 * @csspart subheading - The heading of the current view (saved vehicles, add, details); focused when the view changes.
 * @csspart notice - An information message (log in first, prefilled from the registry, not found, vehicle chosen).
 * @csspart form - Each form (saved vehicles, plate, details).
 * @csspart choices - A radio group (saved vehicles, plate or not); with `legend` and `choice`.
 * @csspart field - A field wrapper; with `label`, `input`, `select`, `hint`, `field-error`.
 * @csspart search-input - The search box of the brand and model lists.
 * @csspart listbox - The brand and model lists.
 * @csspart result-count - The number of matches while searching a list.
 * @csspart plate-summary - The plate shown above the details.
 * @csspart actions - The row of buttons.
 * @csspart submit-button - The main button of each view.
 * @csspart secondary-button - Add a vehicle, back, change vehicle, choose the details myself.
 * @csspart pending - A loading or saving status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons and the selected choice.
 * @cssprop --insurup-color-danger - Errors.
 * @cssprop --insurup-color-divider - Borders of the choices.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius of fields, choices and buttons.
 * @cssprop --insurup-control-height - Minimum height of inputs and buttons (touch target).
 */
export class InsurupVehicleForm extends SavedAssetFormElement<Vehicle, View> {
  static override styles = [...elementStyles, choiceGroupStyles, searchableSelectStyles, vehicleFormStyles];

  @state() private origin: DetailsOrigin = 'manual';

  /** The registry's answer for the plate as typed: engine, chassis, registration date, seats. */
  private registry: VehicleLookupResponse | null = null;
  /** Brands are loaded the first time the details are shown, then kept. */
  private brandsWanted = false;
  private lookupBody: VehicleLookupRequest | null = null;
  private createBody: CreateVehicleRequest | null = null;

  private readonly addForm = new FormState<AddValues>(
    this,
    { ...EMPTY_ADD },
    {
      plate: (value, all) => (all.hasPlate === 'yes' ? validatePlate(value) : null),
      serial: (value, all) => (all.hasPlate === 'yes' ? validateRegistrationSerial(value) : null),
      plateCity: (value, all) => (all.hasPlate === 'no' ? required(value) : null),
    },
  );

  private readonly detailsForm = new FormState<DetailsValues>(
    this,
    { ...EMPTY_DETAILS },
    { brand: required, year: required, model: required, fuel: required, usage: required },
  );

  private readonly brandList = new SearchableSelect(this);
  private readonly modelList = new SearchableSelect(this);

  protected readonly saved: SavedAssets<Vehicle> = {
    assetType: 'VEHICLE',
    headingId: 'vehicle-heading',
    title: 'vehicle.title',
    viewHeadingId: 'vehicle-view-heading',
    choiceId: 'saved-vehicle',
    choiceName: 'savedVehicle',
    text: {
      loading: 'vehicle.savedLoading',
      heading: 'vehicle.savedHeading',
      legend: 'vehicle.savedLegend',
      chooseSaved: 'vehicle.chooseSaved',
      useSelected: 'vehicle.useSelected',
      add: 'vehicle.addVehicle',
      change: 'vehicle.change',
    },
    list: (client, signal) => client.request('listVehicles', {}, { signal }),
    choice: (vehicle) => ({
      value: vehicle.id,
      label: vehiclePlateText(vehicle, this.t.bind(this)),
      detail: vehicleModelText(vehicle, this.t.bind(this)),
    }),
    describe: (vehicle) => `${vehiclePlateText(vehicle, this.t.bind(this))} · ${vehicleModelText(vehicle, this.t.bind(this))}`,
  };

  private readonly brands = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      const brands = await this.reported(client.request('listVehicleBrands', {}, { signal }));
      if (this.detailsForm.values.brand && !brands.some((b) => b.value === this.detailsForm.values.brand)) {
        this.detailsForm.set('brand', '');
      }
      return brands;
    },
    args: () => [this.brandsWanted ? this.client : undefined] as const,
  });

  private readonly models = new Task(this, {
    task: async ([client, brandReference, year], { signal }) => {
      if (!client || !brandReference || !/^\d{4}$/.test(year)) return initialState;
      const models = await this.reported(
        client.request('listVehicleModels', { query: { brandReference, year } }, { signal }),
      );
      // A model not made in the chosen year is not a choice any more.
      if (this.detailsForm.values.model && !models.some((m) => m.value === this.detailsForm.values.model)) {
        this.detailsForm.set('model', '');
      }
      return models;
    },
    args: () => [this.brandsWanted ? this.client : undefined, this.detailsForm.values.brand, this.detailsForm.values.year] as const,
  });

  private readonly lookup = new Task(this, {
    autoRun: false,
    task: async ([client, body], { signal }) => {
      const customer = this.customer;
      if (!client || !customer || !body) return initialState;
      try {
        const found = await client.request('lookupVehicle', { params: { customerId: customer.id }, body }, { signal });
        this.applyRegistry(found);
        this.openDetails('registry');
        return 'found' as const;
      } catch (error) {
        // Not in the registry: the customer picks the details. A serial that does not match
        // the plate is the customer's typo, shown as an error to correct.
        if (error instanceof InsurUpError && error.status === 404 && error.code !== 'DOCUMENT_SERIAL_MISMATCH') {
          this.registry = null;
          this.openDetails('not-found');
          return 'not-found' as const;
        }
        if (!isAbort(error)) this.reportError(error, 'asset');
        throw error;
      }
    },
    args: () => [this.client, this.lookupBody] as const,
  });

  private readonly create = new Task(this, {
    autoRun: false,
    task: async ([client, body], { signal }) => {
      if (!client || !body) return initialState;
      const { id } = await this.reported(
        client.request('createVehicle', { params: { customerId: body.customerId }, body }, { signal }),
      );
      this.chooseCreated(id, this.describeNew(body));
      return id;
    },
    args: () => [this.client, this.createBody] as const,
  });

  constructor() {
    super();
    this.product = 'kasko';
  }

  protected override resetForm(): void {
    this.resetSaved();
    this.origin = 'manual';
    this.registry = null;
    this.refill(this.addForm, EMPTY_ADD);
    this.refill(this.detailsForm, EMPTY_DETAILS);
    this.brandList.clear();
    this.modelList.clear();
    // Without a body the requests settle back to their initial state (no stale message shows).
    this.lookupBody = null;
    this.createBody = null;
    void this.lookup.run();
    void this.create.run();
  }

  protected renderStepView(view: View): TemplateResult {
    return view === 'add' ? this.renderAddView() : this.renderDetails();
  }

  // ---- add: plate and serial, or a brand-new car's province ---------------------------------

  protected startAdd(): void {
    this.addForm.resetVisibility();
    this.showView('add');
  }

  protected renderAddView(): TemplateResult {
    const t = this.t.bind(this);
    const form = this.addForm;
    const values = form.values;
    const looking = this.lookup.status === TaskStatus.PENDING;
    return html`<form part="form" novalidate @submit=${this.onAddSubmit}>
      <h3 id="vehicle-view-heading" part="subheading" tabindex="-1">${t('vehicle.addHeading')}</h3>
      ${choiceGroup({
        id: 'has-plate',
        name: 'hasPlate',
        legend: t('vehicle.hasPlateLegend'),
        value: values.hasPlate,
        choices: [
          { value: 'yes', label: t('vehicle.hasPlateYes') },
          { value: 'no', label: t('vehicle.hasPlateNo') },
        ],
        onChange: (value) => form.set('hasPlate', value as AddValues['hasPlate']),
      })}
      ${values.hasPlate === 'yes'
        ? html`<p class="muted">${t('vehicle.addIntro')}</p>
            ${textField({
              id: 'plate',
              name: 'plate',
              label: t('vehicle.plate'),
              hint: t('vehicle.plateHint'),
              value: values.plate,
              error: this.fieldError(form, 'plate'),
              autocomplete: 'off',
              autocapitalize: 'characters',
              spellcheck: false,
              maxlength: 14,
              required: true,
              onInput: (value) => this.onPlateInput('plate', value),
              onBlur: () => {
                const parsed = parsePlate(form.values.plate);
                if (parsed) form.set('plate', formatPlate(parsed));
                form.touch('plate');
              },
            })}
            ${textField({
              id: 'serial',
              name: 'serial',
              label: t('vehicle.serial'),
              hint: t('vehicle.serialHint'),
              value: values.serial,
              error: this.fieldError(form, 'serial'),
              autocomplete: 'off',
              autocapitalize: 'characters',
              spellcheck: false,
              maxlength: 10,
              required: true,
              onInput: (value) => this.onPlateInput('serial', value),
              onBlur: () => {
                const parsed = parseRegistrationSerial(form.values.serial);
                if (parsed) form.set('serial', `${parsed.code} ${parsed.number}`);
                form.touch('serial');
              },
            })}`
        : selectField({
            id: 'plate-city',
            name: 'plateCity',
            label: t('vehicle.plateCity'),
            hint: t('vehicle.plateCityHint'),
            value: values.plateCity,
            placeholder: t('common.select'),
            options: provinceOptions(),
            error: this.fieldError(form, 'plateCity'),
            required: true,
            onChange: (value) => form.set('plateCity', value),
            onBlur: () => form.touch('plateCity'),
          })}
      ${values.hasPlate === 'yes' && looking ? renderPending(t('vehicle.lookupPending')) : nothing}
      ${values.hasPlate === 'yes' && this.lookup.status === TaskStatus.ERROR ? this.renderLookupError(this.lookup.error) : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" part="submit-button">
          ${values.hasPlate === 'yes' ? t('vehicle.lookup') : t('vehicle.continueNew')}
        </button>
        ${this.renderBackToSaved()}
      </div>
    </form>`;
  }

  private renderLookupError(error: unknown): TemplateResult {
    const retryable = error instanceof InsurUpError && error.retryable;
    return html`${this.renderRequestError(error, () => void this.lookup.run())}
      ${retryable
        ? html`<button type="button" class="button link" part="secondary-button" @click=${() => this.openDetails('manual')}>
            ${this.t('vehicle.enterManually')}
          </button>`
        : nothing}`;
  }

  private onPlateInput(name: 'plate' | 'serial', value: string): void {
    // The registry's answer belonged to the plate and serial as they were.
    this.registry = null;
    this.addForm.set(name, value);
  }

  private onAddSubmit = (event: Event): void => {
    event.preventDefault();
    const form = this.addForm;
    const plated = form.values.hasPlate === 'yes';
    const invalid = form.submit(plated ? ['plate', 'serial'] : ['plateCity']);
    if (invalid) {
      void this.focusAfterRender(`[name="${invalid}"]`);
      return;
    }
    if (!plated) {
      this.registry = null;
      this.openDetails('new-car');
      return;
    }
    if (this.lookup.status === TaskStatus.PENDING) return;
    this.lookupBody = {
      plate: parsePlate(form.values.plate)!,
      documentSerial: parseRegistrationSerial(form.values.serial)!,
    };
    void this.lookup.run();
  };

  private applyRegistry(found: VehicleLookupResponse): void {
    this.registry = found;
    const details = this.detailsForm;
    details.set('brand', found.model.brand.value);
    details.set('year', String(found.model.year));
    details.set('model', found.model.type.value);
    if (found.fuelType) details.set('fuel', found.fuelType);
    if (found.utilizationStyle) details.set('usage', found.utilizationStyle);
  }

  // ---- details: brand, year, model, fuel, use ----------------------------------------------

  private openDetails(origin: DetailsOrigin): void {
    this.origin = origin;
    if (origin === 'new-car' && !this.detailsForm.values.year) {
      this.detailsForm.set('year', String(new Date().getFullYear()));
    }
    this.brandsWanted = true;
    this.detailsForm.resetVisibility();
    this.showView('details');
  }

  private renderDetails(): TemplateResult {
    const t = this.t.bind(this);
    const form = this.detailsForm;
    const values = form.values;
    const intro: Record<DetailsOrigin, string> = {
      registry: t('vehicle.prefilled'),
      'not-found': t('vehicle.notFound'),
      manual: t('vehicle.manualIntro'),
      'new-car': t('vehicle.newCarIntro'),
    };
    const plate = this.addForm.values.hasPlate === 'yes' ? parsePlate(this.addForm.values.plate) : undefined;
    const plateText = plate
      ? formatPlate(plate)
      : t('vehicle.noPlate', { city: provinceName(Number(this.addForm.values.plateCity)) });
    const creating = this.create.status === TaskStatus.PENDING;
    return html`<form part="form" novalidate @submit=${this.onDetailsSubmit}>
      <h3 id="vehicle-view-heading" part="subheading" tabindex="-1">${t('vehicle.detailsHeading')}</h3>
      <p class="plate-summary" part="plate-summary">${t('vehicle.plateSummary', { plate: plateText })}</p>
      <p class="alert info" part="notice">${intro[this.origin]}</p>
      ${this.brandList.render({
        id: 'brand',
        name: 'brand',
        label: t('vehicle.brand'),
        searchLabel: t('vehicle.brandSearch'),
        options: this.brands.value ?? [],
        value: values.brand,
        error: this.fieldError(form, 'brand'),
        resultCount: (count) => t('common.resultCount', { count }),
        noResults: t('common.noResults'),
        status: this.listStatus(this.brands, t('vehicle.brandsLoading')),
        onChange: (value) => {
          form.set('brand', value);
          form.set('model', '');
          this.modelList.clear();
        },
        onBlur: () => form.touch('brand'),
      })}
      ${selectField({
        id: 'year',
        name: 'year',
        label: t('vehicle.year'),
        value: values.year,
        placeholder: t('common.select'),
        options: this.yearOptions(),
        error: this.fieldError(form, 'year'),
        required: true,
        onChange: (value) => {
          form.set('year', value);
          form.set('model', '');
        },
        onBlur: () => form.touch('year'),
      })}
      ${values.brand && values.year
        ? this.modelList.render({
            id: 'model',
            name: 'model',
            label: t('vehicle.model'),
            searchLabel: t('vehicle.modelSearch'),
            options: this.models.value ?? [],
            value: values.model,
            error: this.fieldError(form, 'model'),
            resultCount: (count) => t('common.resultCount', { count }),
            noResults: t('common.noResults'),
            status: this.listStatus(this.models, t('vehicle.modelsLoading')),
            onChange: (value) => form.set('model', value),
            onBlur: () => form.touch('model'),
          })
        : html`<div class="field" part="field">
            <span class="label" part="label">${t('vehicle.model')}</span>
            <span class="hint" part="hint">${t('vehicle.modelNeedsBrandYear')}</span>
            ${form.visibleError('model')
              ? html`<span class="error" part="field-error" role="alert">${this.fieldError(form, 'model')}</span>`
              : nothing}
          </div>`}
      ${selectField({
        id: 'fuel',
        name: 'fuel',
        label: t('vehicle.fuel'),
        value: values.fuel,
        placeholder: t('common.select'),
        options: FuelType.options.map((fuel) => ({ value: fuel, label: this.optionText('vehicle.fuel', fuel) })),
        error: this.fieldError(form, 'fuel'),
        required: true,
        onChange: (value) => form.set('fuel', value),
        onBlur: () => form.touch('fuel'),
      })}
      ${selectField({
        id: 'usage',
        name: 'usage',
        label: t('vehicle.usage'),
        value: values.usage,
        placeholder: t('common.select'),
        options: this.usageOptions(),
        error: this.fieldError(form, 'usage'),
        required: true,
        onChange: (value) => form.set('usage', value),
        onBlur: () => form.touch('usage'),
      })}
      ${creating ? renderPending(t('vehicle.saving')) : nothing}
      ${this.create.status === TaskStatus.ERROR
        ? renderError(this.describeError(this.create.error), { label: t('common.retry'), onRetry: () => void this.create.run() })
        : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" part="submit-button">${t('vehicle.save')}</button>
        <button type="button" class="button" part="secondary-button" @click=${() => this.showView('add')}>
          ${t('common.back')}
        </button>
      </div>
    </form>`;
  }

  private listStatus(task: ListTask, loading: string): SearchableStatus | undefined {
    return listStatus(task, {
      loading,
      retryLabel: this.t('common.retry'),
      describe: (error) => this.describeError(error),
    });
  }

  private yearOptions(): Array<{ value: string; label: string }> {
    const newest = new Date().getFullYear() + 1;
    return Array.from({ length: newest - FIRST_MODEL_YEAR + 1 }, (_, i) => {
      const year = String(newest - i);
      return { value: year, label: year };
    });
  }

  private usageOptions(): Array<{ value: string; label: string }> {
    const styles: string[] = [...COMMON_UTILIZATION_STYLES];
    // The registry may answer a use the short list does not have; it stays choosable.
    const current = this.detailsForm.values.usage;
    if (current && !styles.includes(current)) styles.push(current);
    return styles.map((style) => ({ value: style, label: this.optionText('vehicle.usage', style) }));
  }

  private optionText(prefix: 'vehicle.fuel' | 'vehicle.usage', value: string): string {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? this.t(key) : value;
  }

  private onDetailsSubmit = (event: Event): void => {
    event.preventDefault();
    const invalid = this.detailsForm.submit(['brand', 'year', 'model', 'fuel', 'usage']);
    if (invalid) {
      const target = invalid === 'model' && !this.detailsForm.values.brand ? 'brand' : invalid;
      void this.focusAfterRender(`[name="${target}"]`);
      return;
    }
    const customer = this.customer;
    if (!customer || this.create.status === TaskStatus.PENDING) return;
    this.createBody = this.buildCreateBody(customer.id);
    void this.create.run();
  };

  private buildCreateBody(customerId: string): CreateVehicleRequest {
    const add = this.addForm.values;
    const details = this.detailsForm.values;
    const plated = add.hasPlate === 'yes';
    const registry = plated ? this.registry : null;
    return {
      customerId,
      // A brand-new car: its province's code and an empty plate code (see the contract).
      plate: plated ? parsePlate(add.plate)! : { city: Number(add.plateCity), code: '' },
      ...(plated ? {} : { hasPlate: false }),
      modelYear: Number(details.year),
      brandReference: details.brand,
      modelTypeReference: details.model,
      utilizationStyle: details.usage,
      fuel: { type: details.fuel as FuelType },
      engine: registry?.engine ?? null,
      chassis: registry?.chassis ?? null,
      documentSerial: plated ? parseRegistrationSerial(add.serial) ?? null : null,
      registrationDate: registry?.registrationDate ?? null,
      seatNumber: registry?.seatNumber ?? null,
    };
  }

  private describeNew(body: CreateVehicleRequest): string {
    const brand = this.brands.value?.find((b) => b.value === body.brandReference)?.text ?? '';
    const model = this.models.value?.find((m) => m.value === body.modelTypeReference)?.text ?? '';
    const t = this.t.bind(this);
    const plate = vehiclePlateText({ plate: body.plate, hasPlate: body.hasPlate }, t);
    return `${plate} · ${t('vehicle.savedModel', { brand, model, year: body.modelYear })}`;
  }

  // ---- done --------------------------------------------------------------------------------

  protected readyText(): string {
    return this.t('vehicle.ready', { vehicle: this.chosenText });
  }
}

defineElement('insurup-vehicle-form', InsurupVehicleForm);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-vehicle-form': InsurupVehicleForm;
  }
}
