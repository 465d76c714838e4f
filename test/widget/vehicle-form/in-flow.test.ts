/**
 * The three asset forms inside `<insurup-flow>`: the flow picks the form by product, gives it
 * its own FlowSession and the agent branch, and moves on to quotes when the form finishes.
 * The flow opens the sales-opportunity case; the form inside it does not open a second one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/index.js';
import type { InsurupFlow } from '../../../src/widget/elements/insurup-flow/element.js';
import { loginViaApi, sandboxCatalog, testEnv, until } from '../support/env.js';
import { byLabel, byRole, queryByRole } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { choose, listOptions, optionValueByText, retype } from './form-helpers.js';

async function mountFlow(product: string): Promise<InsurupFlow> {
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupFlow>(html`<insurup-flow
    product=${product}
    proxy-url=${proxyUrl}
    kvkk-url="/kvkk"
    coverage-group-ids="0123456789abcdef01234567"
    lang="tr"
  ></insurup-flow>`);
  return el;
}

/** The flow's current step element once it is `tag` and has rendered its heading. */
async function stepElement(flow: InsurupFlow, tag: string): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  return until(() => {
    const el = flow.shadowRoot?.querySelector<HTMLElement>(tag);
    return el?.shadowRoot?.querySelector('h2') ? (el as HTMLElement & { shadowRoot: ShadowRoot }) : null;
  }, `the ${tag} step`, 15_000);
}

describe('asset forms inside <insurup-flow>', () => {
  beforeEach(() => freshPage());
  after(() => freshPage());

  it('kasko: the vehicle form, then quotes; one sales case', async () => {
    await loginViaApi();
    const mark = await requestMark();
    const flow = await mountFlow('kasko');
    const form = await stepElement(flow, 'insurup-vehicle-form');
    const root = form.shadowRoot;
    await until(() => queryByRole(root, 'heading', 'Araç ekle'), 'the add view');
    byLabel(root, 'Hayır, sıfır araç (henüz plakası yok)').click();
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    choose(byLabel<HTMLSelectElement>(root, 'Tescil edileceği il'), '35');
    byRole(root, 'button', 'Araç bilgilerine geç').click();
    const brands = await listOptions(root, 'Marka');
    choose(brands, optionValueByText(brands, 'Fiat'));
    const models = await listOptions(root, 'Model');
    choose(models, models.options[0]!.value);
    choose(byLabel<HTMLSelectElement>(root, 'Yakıt türü'), 'DIESEL');
    byRole(root, 'button', 'Aracı kaydet ve devam et').click();
    await stepElement(flow, 'insurup-quotes');
    expect(flow.session!.state.asset?.type).to.equal('VEHICLE');
    expect(await requestsSince(mark, /cases:new-sale-opportunity/, 'POST')).to.have.length(1);
  });

  it('konut: the property form, then quotes', async () => {
    await loginViaApi();
    const flow = await mountFlow('konut');
    const form = await stepElement(flow, 'insurup-property-form');
    const root = form.shadowRoot;
    const { uavtSamples } = await sandboxCatalog<{ uavtSamples: string[] }>();
    await until(() => queryByRole(root, 'heading', 'Konutun adresi'), 'the address view');
    await retype(byLabel(root, /^UAVT adres kodu$/), uavtSamples[5]!);
    byRole(root, 'button', 'Adresi bul').click();
    (await until(() => queryByRole(root, 'button', 'Adres doğru, devam et'), 'the address')).click();
    await until(() => queryByRole(root, 'heading', 'Konut bilgileri'), 'the details');
    await retype(byLabel(root, 'Brüt alan (m²)'), '100');
    await retype(byLabel(root, 'Yapım yılı'), '2010');
    await retype(byLabel(root, 'Binadaki kat sayısı'), '3');
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    choose(byLabel<HTMLSelectElement>(root, 'Dairenin bulunduğu kat'), '1');
    choose(byLabel<HTMLSelectElement>(root, 'Yapı tarzı'), 'STEEL_REINFORCED_CONCRETE');
    choose(byLabel<HTMLSelectElement>(root, 'Hasar durumu'), 'NONE');
    choose(byLabel<HTMLSelectElement>(root, 'Kullanım şekli'), 'HOUSE');
    choose(byLabel<HTMLSelectElement>(root, 'Sahiplik'), 'TENANT');
    byRole(root, 'button', 'Konutu kaydet ve devam et').click();
    await stepElement(flow, 'insurup-quotes');
    expect(flow.session!.state.asset?.type).to.equal('PROPERTY');
  });

  it('tss: the health form, then quotes', async () => {
    await loginViaApi();
    const flow = await mountFlow('tss');
    const form = await stepElement(flow, 'insurup-health-form');
    const root = form.shadowRoot;
    await until(() => root.querySelector('input[name="height"]') && !root.querySelector('[part="pending"]'), 'the form');
    await retype(byLabel(root, 'Boy (cm)'), '170');
    await retype(byLabel(root, 'Kilo (kg)'), '65');
    byRole(root, 'button', 'Kaydet ve devam et').click();
    await stepElement(flow, 'insurup-quotes');
    expect(flow.session!.state.assetReady).to.equal(true);
    expect(flow.session!.state.asset).to.equal(null);
  });
});
