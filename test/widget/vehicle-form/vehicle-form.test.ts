/**
 * `<insurup-vehicle-form>` against the sandbox through the proxy, used as a customer would:
 * by labels and visible text, with real key presses where typing matters.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-vehicle-form/element.js';
import type { InsurupVehicleForm } from '../../../src/widget/elements/insurup-vehicle-form/element.js';
import { clearSandboxFaults, loginViaApi, sandboxFault, testEnv, until } from '../support/env.js';
import {
  byLabel,
  byRole,
  deepActiveElement,
  describedErrors,
  press,
  queryByRole,
  typeInto,
  visibleText,
} from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { choose, listOptions, optionValueByText, retype, searchBox, sendText, tabTo } from './form-helpers.js';
import { mountLoggedIn, plateText, registry, type Mounted } from './support.js';

async function fillPlate({ root, el }: Mounted, plate: string, serial: string): Promise<void> {
  await retype(byLabel(root, 'Plaka'), plate);
  await retype(byLabel(root, 'Ruhsat seri numarası'), serial);
  await el.updateComplete;
}

async function toDetails(m: Mounted, plate: string, serial: string): Promise<void> {
  await fillPlate(m, plate, serial);
  byRole(m.root, 'button', 'Aracımı bul').click();
  await until(() => queryByRole(m.root, 'heading', 'Araç bilgileri'), 'the details view');
  await m.el.updateComplete;
}

describe('<insurup-vehicle-form>', () => {
  beforeEach(() => freshPage());
  afterEach(() => clearSandboxFaults());
  after(() => freshPage());

  it('is accessible (axe) when adding a vehicle and on its details', async () => {
    const m = await mountLoggedIn();
    await expect(m.el).to.be.accessible();
    const entry = (await registry())[0]!;
    await toDetails(m, plateText(entry.plate), `${entry.documentSerial.code}${entry.documentSerial.number}`);
    await listOptions(m.root, 'Model');
    await expect(m.el).to.be.accessible();
  });

  it('asks to log in first when nobody is logged in', async () => {
    const { proxyUrl } = await testEnv();
    const el = await fixture<InsurupVehicleForm>(html`<insurup-vehicle-form proxy-url=${proxyUrl}></insurup-vehicle-form>`);
    await until(() => visibleText(el).includes('Devam etmek için önce giriş yapın.'), 'the log-in-first message');
    expect(el.shadowRoot!.querySelector('input[name="plate"]')).to.equal(null);
  });

  it('looks a registry vehicle up by plate and serial, prefills it, saves it and selects it', async () => {
    const m = await mountLoggedIn();
    const entry = (await registry())[0]!;
    const events: CustomEvent[] = [];
    m.el.addEventListener('insurup-asset-ready', (e) => events.push(e));
    const mark = await requestMark();

    // Typed as people do: lower case, spaces anywhere.
    await toDetails(m, plateText(entry.plate).toLowerCase(), `${entry.documentSerial.code.toLowerCase()} ${entry.documentSerial.number}`);
    expect(visibleText(m.root)).to.include('Bilgiler tescil kayıtlarından dolduruldu.');
    expect(visibleText(m.root)).to.include(`Plaka: ${plateText(entry.plate)}`);
    const lookups = await requestsSince(mark, /external-lookup$/, 'POST');
    expect(lookups).to.have.length(1);
    expect(lookups[0]!.body).to.deep.equal({ plate: entry.plate, documentSerial: entry.documentSerial });

    // Prefilled for the customer to confirm.
    expect((await listOptions(m.root, 'Marka')).value).to.equal(entry.brand.value);
    expect(byLabel<HTMLSelectElement>(m.root, 'Model yılı').value).to.equal(String(entry.year));
    expect((await listOptions(m.root, 'Model')).value).to.equal(entry.model.value);
    expect(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü').value).to.not.equal('');
    expect(byLabel<HTMLSelectElement>(m.root, 'Kullanım şekli').value).to.equal(entry.utilizationStyle);

    byRole(m.root, 'button', 'Aracı kaydet ve devam et').click();
    const done = await until(() => queryByRole(m.root, 'status', /Teklifler için seçilen araç/), 'the vehicle to be chosen');
    expect(done.textContent).to.include(plateText(entry.plate));
    expect(done.textContent).to.include(entry.model.text);
    await until(() => deepActiveElement() === done, 'focus on the result');

    const created = await requestsSince(mark, /\/vehicles$/, 'POST');
    expect(created).to.have.length(1);
    const body = created[0]!.body as Record<string, unknown>;
    expect(body).to.include({
      brandReference: entry.brand.value,
      modelTypeReference: entry.model.value,
      modelYear: entry.year,
      utilizationStyle: entry.utilizationStyle,
    });
    expect(body.plate).to.deep.equal(entry.plate);
    expect(body.documentSerial).to.deep.equal(entry.documentSerial);
    expect(body.chassis).to.be.a('string').and.not.equal('');
    expect(body).to.not.have.property('hasPlate');

    // The session moved on with the new vehicle; the event carries no personal data.
    const session = m.el.session!;
    expect(session.state.asset?.type).to.equal('VEHICLE');
    expect(session.state.assetReady).to.equal(true);
    expect(session.state.step).to.equal('quotes');
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ product: 'kasko', assetType: 'VEHICLE' });
  });

  it('lets the customer pick brand, year and model when the registry does not know the plate', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    await toDetails(m, '35 KLM 42', 'AB 123456');
    expect(visibleText(m.root)).to.include('Aracınız tescil kayıtlarında bulunamadı.');

    // The brand list is searchable, accents and case aside.
    const brands = await listOptions(m.root, 'Marka');
    expect(brands.value).to.equal('');
    await typeInto(searchBox(m.root, 'Marka ara'), 'toyo');
    await m.el.updateComplete;
    expect([...brands.options].map((o) => o.text)).to.deep.equal(['Toyota']);
    await press('Enter');
    await m.el.updateComplete;
    expect(brands.value).to.equal(optionValueByText(brands, 'Toyota'));

    // The model list waits for the year.
    expect(visibleText(m.root)).to.include('Modelleri görmek için önce marka ve model yılını seçin.');
    choose(byLabel<HTMLSelectElement>(m.root, 'Model yılı'), '2021');
    const models = await listOptions(m.root, 'Model');
    const modelTexts = [...models.options].map((o) => o.text);
    expect(modelTexts).to.include('Corolla 1.5 Vision');
    choose(models, optionValueByText(models, 'Corolla 1.5 Vision'));
    choose(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü'), 'GASOLINE');
    expect(byLabel<HTMLSelectElement>(m.root, 'Kullanım şekli').value).to.equal('PRIVATE_CAR');

    byRole(m.root, 'button', 'Aracı kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'status', /35 KLM 42 · Toyota Corolla 1.5 Vision, 2021/), 'the vehicle to be chosen');
    const created = await requestsSince(mark, /\/vehicles$/, 'POST');
    expect(created).to.have.length(1);
    expect(created[0]!.status).to.equal(200);
    const body = created[0]!.body as Record<string, unknown>;
    expect(body).to.include({ modelYear: 2021, modelTypeReference: optionValueByText(models, 'Corolla 1.5 Vision') });
    expect(body.plate).to.deep.equal({ city: 35, code: 'KLM42' });
    expect(body.documentSerial).to.deep.equal({ code: 'AB', number: '123456' });
    expect(body.fuel).to.deep.equal({ type: 'GASOLINE' });
    expect(m.el.session!.state.asset?.type).to.equal('VEHICLE');
  });

  it('registers a brand-new car without a plate by its province', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    byLabel(m.root, 'Hayır, sıfır araç (henüz plakası yok)').click();
    await m.el.updateComplete;
    expect(m.root.querySelector('input[name="plate"]')).to.equal(null);
    choose(byLabel<HTMLSelectElement>(m.root, 'Tescil edileceği il'), '6');
    byRole(m.root, 'button', 'Araç bilgilerine geç').click();
    await until(() => queryByRole(m.root, 'heading', 'Araç bilgileri'), 'the details view');
    expect(visibleText(m.root)).to.include('Plaka: Plakasız yeni araç (Ankara)');
    expect(visibleText(m.root)).to.include('Yeni aracınızın marka, model yılı ve modelini seçin.');
    // A new car defaults to this year's models.
    expect(byLabel<HTMLSelectElement>(m.root, 'Model yılı').value).to.equal(String(new Date().getFullYear()));

    const brands = await listOptions(m.root, 'Marka');
    choose(brands, optionValueByText(brands, 'Togg'));
    const models = await listOptions(m.root, 'Model');
    choose(models, models.options[0]!.value);
    choose(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü'), 'ELECTRIC');
    byRole(m.root, 'button', 'Aracı kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'status', /Plakasız yeni araç \(Ankara\)/), 'the vehicle to be chosen');

    const created = await requestsSince(mark, /\/vehicles$/, 'POST');
    expect(created).to.have.length(1);
    expect(created[0]!.status).to.equal(200);
    const body = created[0]!.body as Record<string, unknown>;
    expect(body).to.include({ hasPlate: false, documentSerial: null });
    expect(body.plate).to.deep.equal({ city: 6, code: '' });
    expect(await requestsSince(mark, /external-lookup/)).to.have.length(0);
  });

  it('lists the saved vehicles and continues with the chosen one', async () => {
    const first = await mountLoggedIn();
    const entry = (await registry())[1]!;
    await toDetails(first, plateText(entry.plate), `${entry.documentSerial.code}${entry.documentSerial.number}`);
    await listOptions(first.root, 'Model');
    byRole(first.root, 'button', 'Aracı kaydet ve devam et').click();
    await until(() => queryByRole(first.root, 'status', /Teklifler için seçilen araç/), 'the first vehicle to be saved');
    const savedId = first.el.session!.state.asset!.id;
    first.el.remove();

    // Another visit: the saved vehicle is offered by plate, brand, model and year.
    first.el.session!.update({ asset: null, assetReady: false, step: 'asset' });
    const m = await mountLoggedIn({ auth: first.auth });
    await until(() => queryByRole(m.root, 'heading', 'Kayıtlı araçlarınız'), 'the saved vehicles');
    const savedLabel = `${plateText(entry.plate)} ${entry.brand.text} ${entry.model.text}, ${entry.year}`;
    const choice = byLabel(m.root, savedLabel);
    expect(choice.type).to.equal('radio');

    // Continuing without a choice says so, and sends nothing.
    const mark = await requestMark();
    byRole(m.root, 'button', 'Bu araçla devam et').click();
    await m.el.updateComplete;
    expect(visibleText(m.root)).to.include('Bir araç seçin ya da yeni araç ekleyin.');
    expect(m.el.session!.state.assetReady).to.equal(false);

    choice.click();
    byRole(m.root, 'button', 'Bu araçla devam et').click();
    await until(() => queryByRole(m.root, 'status', /Teklifler için seçilen araç/), 'the saved vehicle to be chosen');
    expect(m.el.session!.state.asset).to.deep.equal({ type: 'VEHICLE', id: savedId });
    expect(await requestsSince(mark, /\/vehicles/, 'POST')).to.have.length(0);

    // "Change vehicle" goes back to the list with the choice kept.
    byRole(m.root, 'button', 'Aracı değiştir').click();
    await until(() => queryByRole(m.root, 'heading', 'Kayıtlı araçlarınız'), 'the list again');
    expect(byLabel(m.root, savedLabel).checked).to.equal(true);
    // "Add a vehicle" leads to the plate form, and Back returns.
    byRole(m.root, 'button', 'Yeni araç ekle').click();
    await until(() => queryByRole(m.root, 'heading', 'Araç ekle'), 'the add view');
    await until(() => deepActiveElement() === byRole(m.root, 'heading', 'Araç ekle'), 'focus on the new view');
  });

  it('shows a message next to each bad plate and sends no request', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    const badPlates = [
      '34', // no letters and digits
      'ABC 123', // no province
      '00 ABC 123', // province 00
      '82 ABC 123', // province above 81
      '34 W 1234', // W is not a plate letter
      '34 ABQ 12', // nor is Q
      '34 ABCD 12', // four letters
      '34 A 123', // one letter needs 4–5 digits
      '34 AB 12345', // two letters take 3–4 digits
      '34 ABC 1234', // three letters take 2–3 digits
      '34 ÇAB 12', // Turkish letters are not used
      '34 ABC 12X',
    ];
    for (const bad of badPlates) {
      await fillPlate(m, bad, 'AB 123456');
      byRole(m.root, 'button', 'Aracımı bul').click();
      await m.el.updateComplete;
      const plate = byLabel(m.root, 'Plaka');
      expect(describedErrors(plate), bad).to.equal('Geçerli bir plaka girin (ör. 34 ABC 123).');
      expect(plate.getAttribute('aria-invalid'), bad).to.equal('true');
      expect(plate.value, 'what was typed stays').to.equal(bad);
      await until(() => deepActiveElement() === plate, `focus on the plate field (${bad})`);
    }
    await fillPlate(m, '', 'AB 123456');
    byRole(m.root, 'button', 'Aracımı bul').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Plaka'))).to.equal('Bu alan zorunludur.');
    expect(await requestsSince(mark, /external-lookup/)).to.have.length(0);
  });

  it('shows a message next to each bad registration serial and sends no request', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    const badSerials = ['A 123456', 'AB 12345', 'AB 1234567', '12 345678', 'ABC 12345', 'AB 12345X', 'AB-12-34-5'];
    for (const bad of badSerials) {
      await fillPlate(m, '34 ABC 123', bad);
      byRole(m.root, 'button', 'Aracımı bul').click();
      await m.el.updateComplete;
      const serial = byLabel(m.root, 'Ruhsat seri numarası');
      expect(describedErrors(serial), bad).to.equal('Ruhsat seri numarası 2 harf ve 6 rakamdan oluşur (ör. AB 123456).');
      expect(describedErrors(byLabel(m.root, 'Plaka')), bad).to.equal('');
    }
    await fillPlate(m, '34 ABC 123', '');
    byRole(m.root, 'button', 'Aracımı bul').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Ruhsat seri numarası'))).to.equal('Bu alan zorunludur.');
    expect(await requestsSince(mark, /external-lookup/)).to.have.length(0);
  });

  it('shows an error after leaving a field, not while typing', async () => {
    const m = await mountLoggedIn();
    const plate = byLabel(m.root, 'Plaka');
    await typeInto(plate, '34 AB');
    await m.el.updateComplete;
    expect(describedErrors(plate)).to.equal('');
    await press('Tab');
    await m.el.updateComplete;
    expect(describedErrors(plate)).to.equal('Geçerli bir plaka girin (ör. 34 ABC 123).');
    // A valid plate is shown the usual way after leaving the field.
    await retype(plate, '06fr2024');
    await press('Tab');
    await m.el.updateComplete;
    expect(plate.value).to.equal('06 FR 2024');
    expect(describedErrors(plate)).to.equal('');
  });

  it('asks for a new car’s province and for every missing detail, and sends no request', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    byLabel(m.root, 'Hayır, sıfır araç (henüz plakası yok)').click();
    await m.el.updateComplete;
    byRole(m.root, 'button', 'Araç bilgilerine geç').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Tescil edileceği il'))).to.equal('Bu alan zorunludur.');

    choose(byLabel<HTMLSelectElement>(m.root, 'Tescil edileceği il'), '34');
    byRole(m.root, 'button', 'Araç bilgilerine geç').click();
    await until(() => queryByRole(m.root, 'heading', 'Araç bilgileri'), 'the details view');
    await listOptions(m.root, 'Marka');
    byRole(m.root, 'button', 'Aracı kaydet ve devam et').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Marka'))).to.equal('Bu alan zorunludur.');
    expect(describedErrors(byLabel(m.root, 'Yakıt türü'))).to.equal('Bu alan zorunludur.');
    await until(() => deepActiveElement() === byLabel(m.root, 'Marka'), 'focus on the first missing field');
    expect(await requestsSince(mark, /\/vehicles/, 'POST')).to.have.length(0);
  });

  it('keeps the plate and serial through a failed lookup, and retries', async () => {
    const m = await mountLoggedIn();
    const entry = (await registry())[2]!;
    await sandboxFault({ path: 'external-lookup', fault: 500 });
    await fillPlate(m, plateText(entry.plate), `${entry.documentSerial.code} ${entry.documentSerial.number}`);
    byRole(m.root, 'button', 'Aracımı bul').click();
    const alert = await until(() => queryByRole(m.root, 'alert', /Sunucuda bir sorun oluştu/), 'the error');
    expect(alert).to.exist;
    expect(byLabel(m.root, 'Plaka').value).to.equal(plateText(entry.plate));
    expect(byLabel(m.root, 'Ruhsat seri numarası').value).to.equal(`${entry.documentSerial.code} ${entry.documentSerial.number}`);
    // The customer is not stuck when the registry is down.
    expect(queryByRole(m.root, 'button', 'Bilgileri kendim seçeyim')).to.exist;

    byRole(m.root, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(m.root, 'heading', 'Araç bilgileri'), 'the details after the retry');
    expect((await listOptions(m.root, 'Marka')).value).to.equal(entry.brand.value);
  });

  it('says so when the serial does not match the plate, and keeps both', async () => {
    const m = await mountLoggedIn();
    const entry = (await registry())[0]!;
    const wrong = entry.documentSerial.number === '000000' ? '111111' : '000000';
    await fillPlate(m, plateText(entry.plate), `${entry.documentSerial.code} ${wrong}`);
    byRole(m.root, 'button', 'Aracımı bul').click();
    await until(() => queryByRole(m.root, 'alert', /ruhsat seri numarası eşleşmedi/), 'the mismatch message');
    expect(queryByRole(m.root, 'heading', 'Araç bilgileri')).to.equal(null);
    expect(byLabel(m.root, 'Ruhsat seri numarası').value).to.equal(`${entry.documentSerial.code} ${wrong}`);
  });

  it('offers Retry when the brand list fails, keeping the choices already made', async () => {
    const m = await mountLoggedIn();
    // GETs are retried by the client: fail every attempt until the fault is cleared.
    await sandboxFault({ path: 'vehicle-parameters/brands', fault: 503, times: 50 });
    await toDetails(m, '35 KLM 43', 'AB 123456');
    const alert = await until(() => queryByRole(m.root, 'alert'), 'the brand list error', 15_000);
    expect(visibleText(alert)).to.include('Sunucuda bir sorun oluştu');
    choose(byLabel<HTMLSelectElement>(m.root, 'Model yılı'), '2020');
    choose(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü'), 'DIESEL');

    await clearSandboxFaults();
    byRole(m.root, 'button', 'Tekrar dene').click();
    const brands = await listOptions(m.root, 'Marka');
    expect(brands.options.length).to.be.greaterThan(5);
    expect(byLabel<HTMLSelectElement>(m.root, 'Model yılı').value).to.equal('2020');
    expect(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü').value).to.equal('DIESEL');
  });

  it('keeps the details through a failed save, and retries', async () => {
    const m = await mountLoggedIn();
    const entry = (await registry())[3]!;
    await toDetails(m, plateText(entry.plate), `${entry.documentSerial.code}${entry.documentSerial.number}`);
    await listOptions(m.root, 'Model');
    await sandboxFault({ method: 'POST', path: '/vehicles$', fault: 500 });
    byRole(m.root, 'button', 'Aracı kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'alert', /Sunucuda bir sorun oluştu/), 'the save error');
    expect(byLabel<HTMLSelectElement>(m.root, 'Model').value).to.equal(entry.model.value);
    expect(m.el.session!.state.assetReady).to.equal(false);
    byRole(m.root, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(m.root, 'status', /Teklifler için seçilen araç/), 'the vehicle after the retry');
  });

  it('works with the keyboard only, from the plate to the saved vehicle', async () => {
    const m = await mountLoggedIn();
    const mark = await requestMark();
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    expect((deepActiveElement() as HTMLInputElement).name).to.equal('hasPlate');
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(m.root, 'Plaka'));
    await sendText('35 klm 44');
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(m.root, 'Ruhsat seri numarası'));
    await sendText('ab123456');
    await press('Enter');
    const heading = await until(() => queryByRole(m.root, 'heading', 'Araç bilgileri'), 'the details view');
    await until(() => deepActiveElement() === heading, 'focus on the details heading');

    // Brand: search, Enter picks the only match.
    await listOptions(m.root, 'Marka');
    await tabTo(() => searchBox(m.root, 'Marka ara'));
    await sendText('hyun');
    await press('Enter');
    await m.el.updateComplete;
    expect(byLabel<HTMLSelectElement>(m.root, 'Marka').selectedOptions[0]?.text).to.equal('Hyundai');
    // Year: type-ahead on the native select.
    await tabTo(() => byLabel(m.root, 'Model yılı'));
    await sendText('2018');
    await m.el.updateComplete;
    expect(byLabel<HTMLSelectElement>(m.root, 'Model yılı').value).to.equal('2018');
    // Model: ArrowDown from the search box into the list, then arrows choose.
    const models = await listOptions(m.root, 'Model');
    await tabTo(() => searchBox(m.root, 'Model ara'));
    await sendText('i20');
    await press('ArrowDown');
    expect(deepActiveElement()).to.equal(models);
    await press('ArrowDown');
    await m.el.updateComplete;
    expect(models.selectedOptions[0]?.text).to.equal('i20 1.4 MPI Style');
    await tabTo(() => byLabel(m.root, 'Yakıt türü'));
    await sendText('Benzin');
    await m.el.updateComplete;
    expect(byLabel<HTMLSelectElement>(m.root, 'Yakıt türü').value).to.equal('GASOLINE');
    await tabTo(() => byRole(m.root, 'button', 'Aracı kaydet ve devam et'));
    await press('Enter');
    const done = await until(() => queryByRole(m.root, 'status', /Hyundai i20 1.4 MPI Style, 2018/), 'the vehicle to be chosen');
    await until(() => deepActiveElement() === done, 'focus on the result');
    expect(await requestsSince(mark, /\/vehicles$/, 'POST')).to.have.length(1);
  });

  it('speaks English', async () => {
    const m = await mountLoggedIn({ lang: 'en' });
    expect(byRole(m.root, 'heading', 'Your vehicle')).to.exist;
    expect(byRole(m.root, 'heading', 'Add a vehicle')).to.exist;
    await fillPlateEn(m, '34 Q 1', 'AB 123456');
    byRole(m.root, 'button', 'Find my vehicle').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Plate'))).to.equal('Enter a valid plate (e.g. 34 ABC 123).');
    await fillPlateEn(m, '35 KLM 45', 'AB 123456');
    byRole(m.root, 'button', 'Find my vehicle').click();
    await until(() => queryByRole(m.root, 'heading', 'Vehicle details'), 'the details view');
    expect(visibleText(m.root)).to.include('Your vehicle was not found in the registry.');
    await listOptions(m.root, 'Brand');
    expect(searchBox(m.root, 'Search brands')).to.exist;
    expect([...byLabel<HTMLSelectElement>(m.root, 'Fuel').options].map((o) => o.text)).to.include('Diesel');
  });

  it('forgets what one customer typed when they log out and another logs in', async () => {
    const m = await mountLoggedIn();
    await fillPlate(m, '35 KLM 46', 'AB 123456');
    await m.auth.logout();
    await until(() => visibleText(m.el).includes('Devam etmek için önce giriş yapın.'), 'the log-in-first message');
    await loginViaApi();
    await until(() => queryByRole(m.root, 'heading', 'Araç ekle'), 'the add view for the next customer');
    expect(byLabel(m.root, 'Plaka').value).to.equal('');
    expect(byLabel(m.root, 'Ruhsat seri numarası').value).to.equal('');
  });

  it('opens the sales-opportunity case once when it stands on its own', async () => {
    const mark = await requestMark();
    const m = await mountLoggedIn();
    // Only this customer's: a previous test's customer may still have a case request in flight.
    const mine = async () =>
      (await requestsSince(mark, /cases:new-sale-opportunity/, 'POST')).filter(
        (r) => (r.body as { customerId?: string } | null)?.customerId === m.auth.customer!.id,
      );
    await until(async () => (await mine()).length > 0, 'the case');
    await until(() => m.el.session!.state.caseId, 'the case id in the session');
    const [created] = await mine();
    expect(created!.body).to.include({ productBranch: 'KASKO', channel: 'WEBSITE', customerId: m.auth.customer!.id });
    // A second form on the page shares it.
    await mountLoggedIn({ auth: m.auth });
    expect(await mine()).to.have.length(1);
  });
});

async function fillPlateEn({ root, el }: Mounted, plate: string, serial: string): Promise<void> {
  await retype(byLabel(root, 'Plate'), plate);
  await retype(byLabel(root, 'Registration serial number'), serial);
  await el.updateComplete;
}
