/**
 * `<insurup-property-form>` against the sandbox through the proxy, used as a customer would:
 * by labels and visible text, with real key presses where typing matters.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-property-form/element.js';
import type { InsurupPropertyForm } from '../../../src/widget/elements/insurup-property-form/element.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';
import { clearSandboxFaults, loginViaApi, sandboxCatalog, sandboxFault, testEnv, until } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, describedErrors, press, queryByRole, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { choose, listOptions, optionValueByText, retype, searchBox, sendText, tabTo } from '../vehicle-form/form-helpers.js';

interface Mounted {
  el: InsurupPropertyForm;
  root: ShadowRoot;
  auth: AuthSession;
}

let samples: Promise<string[]> | undefined;
const uavtSamples = async () =>
  (await (samples ??= sandboxCatalog<{ uavtSamples: string[] }>().then((c) => c.uavtSamples))).slice();

async function mount(options: { lang?: string; auth?: AuthSession; product?: string } = {}): Promise<Mounted> {
  const auth = options.auth ?? (await loginViaApi());
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupPropertyForm>(html`<insurup-property-form
    proxy-url=${proxyUrl}
    product=${options.product ?? 'konut'}
    lang=${options.lang ?? 'tr'}
  ></insurup-property-form>`);
  const root = el.shadowRoot!;
  await until(
    () => queryByRole(root, 'heading', /Konutun adresi|The home’s address|Kayıtlı konutlarınız/),
    'the form to show',
  );
  await el.updateComplete;
  return { el, root, auth };
}

async function findByUavt(m: Mounted, uavt: string): Promise<void> {
  await retype(byLabel(m.root, /^UAVT adres kodu$/), uavt);
  byRole(m.root, 'button', 'Adresi bul').click();
  await until(() => queryByRole(m.root, 'button', 'Adres doğru, devam et'), 'the address found');
}

async function useCascade(m: Mounted): Promise<void> {
  byLabel(m.root, 'UAVT kodumu bilmiyorum, adresi listeden seçeceğim').click();
  await m.el.updateComplete;
}

/** Chooses the named (or first) option of an address level once it has loaded. */
async function pick(m: Mounted, label: string, text?: string): Promise<HTMLSelectElement> {
  const list = await listOptions(m.root, label, 15_000);
  choose(list, text ? optionValueByText(list, text) : list.options[0]!.value);
  await m.el.updateComplete;
  return list;
}

const LEVEL_LABELS = ['İl', 'İlçe', 'Bucak / köy', 'Mahalle', 'Cadde / sokak', 'Bina (dış kapı no)', 'Daire (iç kapı no)'];

async function fillDetails(m: Mounted, values: Partial<Record<string, string>> = {}): Promise<void> {
  const v = {
    squareMeter: '120',
    constructionYear: '2005',
    totalFloors: '5',
    currentFloor: '2',
    structure: 'STEEL_REINFORCED_CONCRETE',
    damageStatus: 'NONE',
    usage: 'HOUSE',
    ownership: 'PROPRIETOR',
    ...values,
  };
  await retype(byLabel(m.root, 'Brüt alan (m²)'), v.squareMeter);
  await retype(byLabel(m.root, 'Yapım yılı'), v.constructionYear);
  await retype(byLabel(m.root, 'Binadaki kat sayısı'), v.totalFloors);
  await m.el.updateComplete;
  choose(byLabel<HTMLSelectElement>(m.root, 'Dairenin bulunduğu kat'), v.currentFloor);
  choose(byLabel<HTMLSelectElement>(m.root, 'Yapı tarzı'), v.structure);
  choose(byLabel<HTMLSelectElement>(m.root, 'Hasar durumu'), v.damageStatus);
  choose(byLabel<HTMLSelectElement>(m.root, 'Kullanım şekli'), v.usage);
  choose(byLabel<HTMLSelectElement>(m.root, 'Sahiplik'), v.ownership);
  await m.el.updateComplete;
}

async function save(m: Mounted): Promise<HTMLElement> {
  byRole(m.root, 'button', 'Konutu kaydet ve devam et').click();
  return until(() => queryByRole(m.root, 'status', /Teklifler için seçilen konut/), 'the home to be chosen');
}

describe('<insurup-property-form>', () => {
  beforeEach(() => freshPage());
  afterEach(() => clearSandboxFaults());
  after(() => freshPage());

  it('is accessible (axe) with its address lists and its details', async () => {
    const m = await mount();
    await expect(m.el).to.be.accessible();
    await useCascade(m);
    await pick(m, 'İl', 'İstanbul');
    await listOptions(m.root, 'İlçe');
    await expect(m.el).to.be.accessible();
    await findByUavt(await switchToUavt(m), (await uavtSamples())[0]!);
    byRole(m.root, 'button', 'Adres doğru, devam et').click();
    await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    await expect(m.el).to.be.accessible();
  });

  it('asks to log in first when nobody is logged in', async () => {
    const { proxyUrl } = await testEnv();
    const el = await fixture<InsurupPropertyForm>(html`<insurup-property-form proxy-url=${proxyUrl}></insurup-property-form>`);
    await until(() => visibleText(el).includes('Devam etmek için önce giriş yapın.'), 'the log-in-first message');
  });

  it('finds the address of a UAVT code, takes the details, saves the home and selects it', async () => {
    const m = await mount();
    const uavt = (await uavtSamples())[1]!;
    const events: CustomEvent[] = [];
    m.el.addEventListener('insurup-asset-ready', (e) => events.push(e));
    const mark = await requestMark();

    await findByUavt(m, uavt);
    const card = m.root.querySelector('[part="address"]')!;
    expect(visibleText(card)).to.include('Bu UAVT koduna kayıtlı adres:');
    expect(visibleText(card)).to.match(/Mahallesi, .+, No: \d+, Daire \d+ .+ \/ (İstanbul|Ankara|İzmir)/);
    const lookups = await requestsSince(mark, /query-address-by-property-number/, 'POST');
    expect(lookups.map((r) => r.body)).to.deep.equal([{ propertyNumber: Number(uavt) }]);

    byRole(m.root, 'button', 'Adres doğru, devam et').click();
    const heading = await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    await until(() => deepActiveElement() === heading, 'focus on the details heading');
    expect(visibleText(m.root)).to.include(`UAVT ${uavt}`);
    await fillDetails(m, { currentFloor: '-1' });
    const done = await save(m);
    await until(() => deepActiveElement() === done, 'focus on the result');

    const created = await requestsSince(mark, /\/properties$/, 'POST');
    expect(created).to.have.length(1);
    expect(created[0]!.status).to.equal(200);
    expect(created[0]!.body).to.deep.equal({
      customerId: m.auth.customer!.id,
      number: Number(uavt),
      squareMeter: 120,
      constructionYear: 2005,
      damageStatus: 'NONE',
      floor: { totalFloors: { $type: 'exact', value: 5 }, currentFloor: -1 },
      structure: 'STEEL_REINFORCED_CONCRETE',
      utilizationStyle: 'HOUSE',
      ownershipType: 'PROPRIETOR',
    });
    const session = m.el.session!;
    expect(session.state.asset?.type).to.equal('PROPERTY');
    expect(session.state.step).to.equal('quotes');
    expect(events.map((e) => e.detail)).to.deep.equal([{ product: 'konut', assetType: 'PROPERTY' }]);
  });

  it('walks the address cascade down to the flat, whose value is the UAVT code', async () => {
    const m = await mount({ product: 'dask' });
    const mark = await requestMark();
    await useCascade(m);
    // Only the first level shows until it is chosen.
    await listOptions(m.root, 'İl');
    expect(m.root.querySelectorAll('select[size]')).to.have.length(1);
    for (const label of LEVEL_LABELS) await pick(m, label);
    const flat = byLabel<HTMLSelectElement>(m.root, 'Daire (iç kapı no)');
    const uavt = flat.value;
    expect(uavt).to.match(/^\d{10}$/);
    expect(visibleText(m.root)).to.include(`Seçtiğiniz dairenin UAVT kodu: ${uavt}`);

    // Each level asked for the children of the one above it.
    const levels = await requestsSince(mark, /address-parameters\//, 'GET');
    expect(levels.map((r) => r.path.split('/').pop())).to.deep.equal([
      'cities', 'districts', 'towns', 'neighbourhoods', 'streets', 'buildings', 'apartments',
    ]);

    byRole(m.root, 'button', 'Devam et').click();
    await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    await fillDetails(m);
    await save(m);
    const created = await requestsSince(mark, /\/properties$/, 'POST');
    expect((created[0]!.body as { number: number }).number).to.equal(Number(uavt));
    expect(await requestsSince(mark, /query-address-by-property-number/)).to.have.length(0);
  });

  it('forgets the levels below a changed choice', async () => {
    const m = await mount();
    await useCascade(m);
    await pick(m, 'İl', 'İstanbul');
    await pick(m, 'İlçe', 'Kadıköy');
    await pick(m, 'Bucak / köy');
    await listOptions(m.root, 'Mahalle');
    await pick(m, 'İl', 'Ankara');
    expect(() => byLabel(m.root, 'Mahalle')).to.throw();
    expect(() => byLabel(m.root, 'Bucak / köy')).to.throw();
    const districts = await listOptions(m.root, 'İlçe');
    await until(() => [...districts.options].some((o) => o.text === 'Çankaya'), 'the districts of Ankara');
    expect(districts.value).to.equal('');
    // Continuing before the flat is chosen says so and goes nowhere.
    byRole(m.root, 'button', 'Devam et').click();
    await m.el.updateComplete;
    expect(byRole(m.root, 'alert', 'Adresinizi daireye kadar seçin.')).to.exist;
    await until(() => deepActiveElement() === districts, 'focus on the first level to choose');
  });

  it('offers Retry when a level fails to load, keeping the choices above it', async () => {
    const m = await mount();
    await useCascade(m);
    // The client retries failed GETs: fail every attempt until the fault is cleared.
    await sandboxFault({ path: 'address-parameters/streets', fault: 500, times: 50 });
    await pick(m, 'İl', 'İzmir');
    await pick(m, 'İlçe', 'Karşıyaka');
    await pick(m, 'Bucak / köy');
    await pick(m, 'Mahalle', 'Bostanlı Mahallesi');
    const alert = await until(() => queryByRole(m.root, 'alert'), 'the street level error', 15_000);
    expect(visibleText(alert)).to.include('Sunucuda bir sorun oluştu');
    expect(visibleText(m.root)).to.include('Cadde / sokak');
    // Every choice above the failed level is kept.
    expect(byLabel<HTMLSelectElement>(m.root, 'İl').selectedOptions[0]!.text).to.equal('İzmir');
    expect(byLabel<HTMLSelectElement>(m.root, 'İlçe').selectedOptions[0]!.text).to.equal('Karşıyaka');
    expect(byLabel<HTMLSelectElement>(m.root, 'Mahalle').selectedOptions[0]!.text).to.equal('Bostanlı Mahallesi');

    await clearSandboxFaults();
    byRole(m.root, 'button', 'Tekrar dene').click();
    const streets = await listOptions(m.root, 'Cadde / sokak');
    expect([...streets.options].map((o) => o.text)).to.include('Cemal Gürsel Caddesi');
    expect(queryByRole(m.root, 'alert')).to.equal(null);
    expect(byLabel<HTMLSelectElement>(m.root, 'Mahalle').selectedOptions[0]!.text).to.equal('Bostanlı Mahallesi');
  });

  it('shows a message for each bad UAVT code and sends no request', async () => {
    const m = await mount();
    const mark = await requestMark();
    const bad = ['123', '0123456789', '0000000001', '123456789', '12345678901', 'abcdefghij', '12345-6789', '１２３４５６７８９０', '12345 6789a'];
    for (const code of bad) {
      await retype(byLabel(m.root, /^UAVT adres kodu$/), code);
      byRole(m.root, 'button', 'Adresi bul').click();
      await m.el.updateComplete;
      const field = byLabel(m.root, /^UAVT adres kodu$/);
      expect(describedErrors(field), code).to.equal('UAVT adres kodu, 0 ile başlamayan 10 rakamdan oluşur.');
      expect(field.value, 'what was typed stays').to.equal(code);
    }
    await retype(byLabel(m.root, /^UAVT adres kodu$/), '');
    byRole(m.root, 'button', 'Adresi bul').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, /^UAVT adres kodu$/))).to.equal('Bu alan zorunludur.');
    expect(await requestsSince(mark, /query-address-by-property-number/)).to.have.length(0);
  });

  it('says so when no address has the UAVT code, and keeps it', async () => {
    const m = await mount();
    await retype(byLabel(m.root, /^UAVT adres kodu$/), '1000000001');
    byRole(m.root, 'button', 'Adresi bul').click();
    const alert = await until(() => queryByRole(m.root, 'alert', /UAVT adres kodu bulunamadı/), 'the not-found message');
    expect(alert.querySelector('button')).to.equal(null);
    expect(byLabel(m.root, /^UAVT adres kodu$/).value).to.equal('1000000001');
    expect(queryByRole(m.root, 'button', 'Adres doğru, devam et')).to.equal(null);
  });

  it('shows a message for each out-of-range number and sends no request', async () => {
    const m = await mount();
    const mark = await requestMark();
    await findByUavt(m, (await uavtSamples())[2]!);
    byRole(m.root, 'button', 'Adres doğru, devam et').click();
    await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    const nextYear = String(new Date().getFullYear() + 1);
    const cases: Array<[field: string, value: string, message: string]> = [
      ['Brüt alan (m²)', '9', '10 ile 10.000 arasında bir değer girin.'],
      ['Brüt alan (m²)', '10001', '10 ile 10.000 arasında bir değer girin.'],
      ['Brüt alan (m²)', '85,5', 'Tam sayı girin.'],
      ['Brüt alan (m²)', 'yüz', 'Tam sayı girin.'],
      ['Yapım yılı', '1799', `1800 ile ${new Date().getFullYear()} arasında bir değer girin.`],
      ['Yapım yılı', nextYear, `1800 ile ${new Date().getFullYear()} arasında bir değer girin.`],
      ['Binadaki kat sayısı', '0', '1 ile 200 arasında bir değer girin.'],
      ['Binadaki kat sayısı', '201', '1 ile 200 arasında bir değer girin.'],
    ];
    await fillDetails(m);
    for (const [label, value, message] of cases) {
      await retype(byLabel(m.root, label), value);
      byRole(m.root, 'button', 'Konutu kaydet ve devam et').click();
      await m.el.updateComplete;
      expect(describedErrors(byLabel(m.root, label)), `${label} ${value}`).to.equal(message);
      await until(() => deepActiveElement() === byLabel(m.root, label), `focus on ${label}`);
      await fillDetails(m);
    }
    // The flat cannot be above the building's top floor.
    await fillDetails(m, { totalFloors: '8', currentFloor: '7' });
    await retype(byLabel(m.root, 'Binadaki kat sayısı'), '3');
    byRole(m.root, 'button', 'Konutu kaydet ve devam et').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Dairenin bulunduğu kat'))).to.equal(
      'Bulunduğu kat, binanın kat sayısından (3) yüksek olamaz.',
    );
    // The floor list follows the building (basements to the top floor), and still shows the
    // floor chosen before, next to its error.
    const floorList = byLabel<HTMLSelectElement>(m.root, 'Dairenin bulunduğu kat');
    expect([...floorList.options].map((o) => o.text)).to.deep.equal([
      'Seçin', '-5 (bodrum)', '-4 (bodrum)', '-3 (bodrum)', '-2 (bodrum)', '-1 (bodrum)', '0 (zemin kat)', '1', '2', '3', '7',
    ]);
    expect(floorList.selectedOptions[0]!.text).to.equal('7');
    // Every choice is required.
    await retype(byLabel(m.root, 'Binadaki kat sayısı'), '3');
    choose(byLabel<HTMLSelectElement>(m.root, 'Dairenin bulunduğu kat'), '1');
    choose(byLabel<HTMLSelectElement>(m.root, 'Yapı tarzı'), '');
    byRole(m.root, 'button', 'Konutu kaydet ve devam et').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Yapı tarzı'))).to.equal('Bu alan zorunludur.');
    expect(await requestsSince(mark, /\/properties$/, 'POST')).to.have.length(0);
  });

  it('keeps the details through a failed save, and retries', async () => {
    const m = await mount();
    await findByUavt(m, (await uavtSamples())[3]!);
    byRole(m.root, 'button', 'Adres doğru, devam et').click();
    await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    await fillDetails(m, { squareMeter: '95' });
    await sandboxFault({ method: 'POST', path: '/properties$', fault: 503 });
    byRole(m.root, 'button', 'Konutu kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'alert', /Sunucuda bir sorun oluştu/), 'the save error');
    expect(byLabel(m.root, 'Brüt alan (m²)').value).to.equal('95');
    expect(byLabel<HTMLSelectElement>(m.root, 'Sahiplik').value).to.equal('PROPRIETOR');
    byRole(m.root, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(m.root, 'status', /Teklifler için seçilen konut/), 'the home after the retry');
  });

  it('lists the saved homes and continues with the chosen one', async () => {
    const first = await mount();
    await findByUavt(first, (await uavtSamples())[4]!);
    byRole(first.root, 'button', 'Adres doğru, devam et').click();
    await until(() => queryByRole(first.root, 'heading', 'Konut bilgileri'), 'the details');
    await fillDetails(first, { squareMeter: '140' });
    await save(first);
    const savedId = first.el.session!.state.asset!.id;
    first.el.remove();
    first.el.session!.update({ asset: null, assetReady: false, step: 'asset' });

    const m = await mount({ auth: first.auth });
    await until(() => queryByRole(m.root, 'heading', 'Kayıtlı konutlarınız'), 'the saved homes');
    expect(visibleText(m.root)).to.include('140 m²');
    const mark = await requestMark();
    byRole(m.root, 'button', 'Bu konutla devam et').click();
    await m.el.updateComplete;
    expect(visibleText(m.root)).to.include('Bir konut seçin ya da yeni konut ekleyin.');
    (m.root.querySelector('input[name="savedHome"]') as HTMLInputElement).click();
    byRole(m.root, 'button', 'Bu konutla devam et').click();
    await until(() => queryByRole(m.root, 'status', /Teklifler için seçilen konut/), 'the saved home to be chosen');
    expect(m.el.session!.state.asset).to.deep.equal({ type: 'PROPERTY', id: savedId });
    expect(await requestsSince(mark, /\/properties/, 'POST')).to.have.length(0);
  });

  it('works with the keyboard only, through the cascade to the saved home', async () => {
    const m = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    expect((deepActiveElement() as HTMLInputElement).name).to.equal('addressMode');
    await press('ArrowDown');
    await m.el.updateComplete;
    expect(byLabel(m.root, 'UAVT kodumu bilmiyorum, adresi listeden seçeceğim').checked).to.equal(true);

    // Search, and Enter picks the only match (accents and case aside).
    const steps: Array<[search: string, typed: string, chosen: string]> = [
      ['İl ara', 'ank', 'Ankara'],
      ['İlçe ara', 'CANKAYA', 'Çankaya'],
      ['Bucak / köy ara', 'merk', 'Merkez'],
      ['Mahalle ara', 'kizilay', 'Kızılay Mahallesi'],
      ['Cadde / sokak ara', 'ziya', 'Ziya Gökalp Caddesi'],
    ];
    for (const [search, typed, chosen] of steps) {
      const label = search.replace(/ ara$/, '');
      await listOptions(m.root, label, 15_000);
      await tabTo(() => searchBox(m.root, search));
      await sendText(typed);
      await press('Enter');
      await m.el.updateComplete;
      expect(byLabel<HTMLSelectElement>(m.root, label).selectedOptions[0]?.text, label).to.equal(chosen);
    }
    // Building and flat: into the list with Tab, the arrows choose.
    for (const label of ['Bina (dış kapı no)', 'Daire (iç kapı no)']) {
      const list = await listOptions(m.root, label, 15_000);
      await tabTo(() => list);
      await press('ArrowDown');
      await m.el.updateComplete;
      expect(list.value, label).to.not.equal('');
    }
    await tabTo(() => byRole(m.root, 'button', 'Devam et'));
    await press('Enter');
    const heading = await until(() => queryByRole(m.root, 'heading', 'Konut bilgileri'), 'the details');
    await until(() => deepActiveElement() === heading, 'focus on the details heading');

    await press('Tab');
    for (const [label, typed] of [['Brüt alan (m²)', '110'], ['Yapım yılı', '1998'], ['Binadaki kat sayısı', '4']] as const) {
      await tabTo(() => byLabel(m.root, label));
      await sendText(typed);
    }
    // Native selects answer type-ahead.
    for (const [label, typed, value] of [
      ['Dairenin bulunduğu kat', '3', '3'],
      ['Yapı tarzı', 'Bet', 'STEEL_REINFORCED_CONCRETE'],
      ['Hasar durumu', 'Hasars', 'NONE'],
      ['Kullanım şekli', 'Kon', 'HOUSE'],
      ['Sahiplik', 'Kir', 'TENANT'],
    ] as const) {
      await tabTo(() => byLabel(m.root, label));
      await sendText(typed);
      await m.el.updateComplete;
      expect(byLabel<HTMLSelectElement>(m.root, label).value, label).to.equal(value);
    }
    await tabTo(() => byRole(m.root, 'button', 'Konutu kaydet ve devam et'));
    await press('Enter');
    const done = await until(() => queryByRole(m.root, 'status', /Kızılay Mahallesi, Ziya Gökalp Caddesi/), 'the home');
    await until(() => deepActiveElement() === done, 'focus on the result');
  });

  it('speaks English', async () => {
    const m = await mount({ lang: 'en' });
    expect(byRole(m.root, 'heading', 'Your home')).to.exist;
    await retype(byLabel(m.root, /^UAVT address code$/), '12345');
    byRole(m.root, 'button', 'Find the address').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, /^UAVT address code$/))).to.equal('The UAVT address code has 10 digits and does not start with 0.');
    byLabel(m.root, 'I don’t know my UAVT code; I will pick the address from lists').click();
    await listOptions(m.root, 'Province');
    expect(searchBox(m.root, 'Search provinces')).to.exist;
  });
});

/** Back to the UAVT code from the cascade. */
async function switchToUavt(m: Mounted): Promise<Mounted> {
  byLabel(m.root, 'UAVT adres kodunu biliyorum').click();
  await m.el.updateComplete;
  return m;
}
