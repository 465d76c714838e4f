/**
 * The three asset forms on a 360 px phone: nothing wider than the screen, and every button,
 * field, choice and list option a touch target of at least 2.75em.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/widget/elements/insurup-vehicle-form/element.js';
import '../../../src/widget/elements/insurup-property-form/element.js';
import '../../../src/widget/elements/insurup-health-form/element.js';
import { loginViaApi, testEnv, until } from '../support/env.js';
import { byLabel, byRole, queryByRole } from '../core/dom.js';
import { freshPage } from '../core/stack.js';
import { choose, listOptions } from './form-helpers.js';

const WIDTH = 360;

function checkFits(el: HTMLElement): void {
  expect(el.scrollWidth, `${el.localName} width`).to.be.at.most(WIDTH);
  const fontSize = parseFloat(getComputedStyle(el).fontSize);
  const controls = el.shadowRoot!.querySelectorAll<HTMLElement>(
    'button, input:not([type="radio"]), select, label.choice',
  );
  expect(controls.length).to.be.greaterThan(0);
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    const name = `${el.localName} ${control.localName}[name=${control.getAttribute('name') ?? control.textContent?.trim()}]`;
    expect(box.height, name).to.be.at.least(fontSize * 2.75 - 0.5);
    expect(box.right, name).to.be.at.most(WIDTH);
  }
}

describe('asset forms on a 360 px phone', () => {
  before(() => setViewport({ width: WIDTH, height: 740 }));
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await freshPage();
  });
  beforeEach(() => freshPage());

  it('vehicle form: the plate form and the details with their lists', async () => {
    await loginViaApi();
    const { proxyUrl } = await testEnv();
    const el = await fixture<HTMLElement>(html`<insurup-vehicle-form proxy-url=${proxyUrl}></insurup-vehicle-form>`);
    const root = el.shadowRoot!;
    await until(() => queryByRole(root, 'heading', 'Araç ekle'), 'the add view');
    checkFits(el);
    byLabel(root, 'Hayır, sıfır araç (henüz plakası yok)').click();
    await until(() => root.querySelector('select[name="plateCity"]'), 'the province field');
    choose(byLabel<HTMLSelectElement>(root, 'Tescil edileceği il'), '34');
    byRole(root, 'button', 'Araç bilgilerine geç').click();
    const brands = await listOptions(root, 'Marka');
    checkFits(el);
    // Each option of a list is a touch target too.
    const option = brands.options[0]!.getBoundingClientRect();
    expect(option.height).to.be.at.least(parseFloat(getComputedStyle(el).fontSize) * 2.75 - 0.5);
  });

  it('property form: the address cascade', async () => {
    await loginViaApi();
    const { proxyUrl } = await testEnv();
    const el = await fixture<HTMLElement>(html`<insurup-property-form proxy-url=${proxyUrl}></insurup-property-form>`);
    const root = el.shadowRoot!;
    await until(() => queryByRole(root, 'heading', 'Konutun adresi'), 'the address view');
    checkFits(el);
    byLabel(root, 'UAVT kodumu bilmiyorum, adresi listeden seçeceğim').click();
    await listOptions(root, 'İl');
    checkFits(el);
  });

  it('health form', async () => {
    await loginViaApi();
    const { proxyUrl } = await testEnv();
    const el = await fixture<HTMLElement>(html`<insurup-health-form proxy-url=${proxyUrl}></insurup-health-form>`);
    await until(() => el.shadowRoot!.querySelector('input[name="height"]') && !el.shadowRoot!.querySelector('[part="pending"]'), 'the form');
    checkFits(el);
  });
});
