/**
 * `<insurup-health-form>` against the sandbox through the proxy, used as a customer would:
 * by labels and visible text, with real key presses.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-health-form/element.js';
import type { InsurupHealthForm } from '../../../src/widget/elements/insurup-health-form/element.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';
import { clearSandboxFaults, loginViaApi, sandboxFault, testEnv, until } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, describedErrors, press, queryByRole, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { retype, sendText } from '../vehicle-form/form-helpers.js';

interface Mounted {
  el: InsurupHealthForm;
  root: ShadowRoot;
  auth: AuthSession;
}

async function mount(options: { lang?: string; auth?: AuthSession } = {}): Promise<Mounted> {
  const auth = options.auth ?? (await loginViaApi());
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupHealthForm>(html`<insurup-health-form
    proxy-url=${proxyUrl}
    product="tss"
    lang=${options.lang ?? 'tr'}
  ></insurup-health-form>`);
  const root = el.shadowRoot!;
  await until(() => root.querySelector('input[name="height"]'), 'the form to show');
  // Until the saved details have been asked for (a new customer has none: 404).
  await until(() => !root.querySelector('[part="pending"]'), 'the saved details to load');
  await el.updateComplete;
  return { el, root, auth };
}

async function fill(m: Mounted, height: string, weight: string): Promise<void> {
  await retype(byLabel(m.root, 'Boy (cm)'), height);
  await retype(byLabel(m.root, 'Kilo (kg)'), weight);
  await m.el.updateComplete;
}

describe('<insurup-health-form>', () => {
  beforeEach(() => freshPage());
  afterEach(() => clearSandboxFaults());
  after(() => freshPage());

  it('is accessible (axe)', async () => {
    const m = await mount();
    await expect(m.el).to.be.accessible();
  });

  it('asks to log in first when nobody is logged in', async () => {
    const { proxyUrl } = await testEnv();
    const el = await fixture<InsurupHealthForm>(html`<insurup-health-form proxy-url=${proxyUrl}></insurup-health-form>`);
    await until(() => visibleText(el).includes('Devam etmek için önce giriş yapın.'), 'the log-in-first message');
  });

  it('starts empty for a new customer (a 404 is no error), saves with PUT and finishes the step', async () => {
    const mark = await requestMark();
    const m = await mount();
    const events: CustomEvent[] = [];
    m.el.addEventListener('insurup-asset-ready', (e) => events.push(e));
    const reads = await requestsSince(mark, /health-info$/, 'GET');
    expect(reads.map((r) => r.status)).to.deep.equal([404]);
    expect(queryByRole(m.root, 'alert')).to.equal(null);
    expect(byLabel(m.root, 'Boy (cm)').value).to.equal('');

    await fill(m, '178', '74');
    byRole(m.root, 'button', 'Kaydet ve devam et').click();
    const done = await until(() => queryByRole(m.root, 'status', 'Sağlık bilgileriniz kaydedildi.'), 'the saved message');
    await until(() => deepActiveElement() === done, 'focus on the result');

    const writes = await requestsSince(mark, /health-info$/, 'PUT');
    expect(writes).to.have.length(1);
    expect(writes[0]!.status).to.equal(204);
    expect(writes[0]!.body).to.deep.equal({ $type: 'individual', customerId: m.auth.customer!.id, height: 178, weight: 74 });
    const session = m.el.session!;
    expect(session.state.assetReady).to.equal(true);
    expect(session.state.asset).to.equal(null);
    expect(session.state.step).to.equal('quotes');
    expect(events.map((e) => e.detail)).to.deep.equal([{ product: 'tss', assetType: null }]);
  });

  it('prefills what the customer saved before', async () => {
    const auth = await loginViaApi();
    const customerId = auth.customer!.id;
    await auth.client.request('updateHealthInfo', {
      params: { customerId },
      body: { $type: 'individual', customerId, height: 165, weight: 58 },
    });
    const m = await mount({ auth });
    await until(() => byLabel(m.root, 'Boy (cm)').value === '165', 'the saved height');
    expect(byLabel(m.root, 'Kilo (kg)').value).to.equal('58');
    expect(visibleText(m.root)).to.include('Daha önce girdiğiniz bilgiler dolduruldu.');
  });

  it('takes a weight with a decimal comma (72,5), saves 72.5 and shows it back the Turkish way', async () => {
    const m = await mount();
    const mark = await requestMark();
    await fill(m, '170', '72,5');
    byRole(m.root, 'button', 'Kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'status', 'Sağlık bilgileriniz kaydedildi.'), 'the saved message');
    const writes = await requestsSince(mark, /health-info$/, 'PUT');
    expect(writes.map((w) => (w.body as { weight: number }).weight)).to.deep.equal([72.5]);
    // The next visit prefills what was saved, with its decimal comma.
    const again = await mount({ auth: m.auth });
    await until(() => byLabel(again.root, 'Kilo (kg)').value === '72,5', 'the saved weight, 72,5');
  });

  it('shows a message for each out-of-range or malformed number and sends no request', async () => {
    const m = await mount();
    const mark = await requestMark();
    const cases: Array<[label: string, value: string, message: string]> = [
      // The insured is the logged-in (adult) customer: a child's 60 cm or 10 kg is a typo.
      ['Boy (cm)', '60', '100 ile 250 arasında bir değer girin.'],
      ['Boy (cm)', '99', '100 ile 250 arasında bir değer girin.'],
      ['Boy (cm)', '251', '100 ile 250 arasında bir değer girin.'],
      ['Boy (cm)', '1,75', 'Tam sayı girin.'],
      ['Boy (cm)', '', 'Bu alan zorunludur.'],
      ['Kilo (kg)', '10', '25 ile 300 arasında bir değer girin.'],
      ['Kilo (kg)', '24', '25 ile 300 arasında bir değer girin.'],
      ['Kilo (kg)', '301', '25 ile 300 arasında bir değer girin.'],
      ['Kilo (kg)', 'elli', 'Bir sayı girin, ör. 72 veya 72,5.'],
      ['Kilo (kg)', '72,555', 'Bir sayı girin, ör. 72 veya 72,5.'],
      ['Kilo (kg)', '', 'Bu alan zorunludur.'],
    ];
    for (const [label, value, message] of cases) {
      await fill(m, '170', '70');
      await retype(byLabel(m.root, label), value);
      byRole(m.root, 'button', 'Kaydet ve devam et').click();
      await m.el.updateComplete;
      const field = byLabel(m.root, label);
      expect(describedErrors(field), `${label} ${value}`).to.equal(message);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      await until(() => deepActiveElement() === field, `focus on ${label}`);
    }
    expect(await requestsSince(mark, /health-info$/, 'PUT')).to.have.length(0);
    expect(m.el.session!.state.assetReady).to.equal(false);
  });

  it('keeps what was typed through a failed save, and retries', async () => {
    const m = await mount();
    await fill(m, '181', '90');
    await sandboxFault({ method: 'PUT', path: 'health-info$', fault: 500 });
    byRole(m.root, 'button', 'Kaydet ve devam et').click();
    await until(() => queryByRole(m.root, 'alert', /Sunucuda bir sorun oluştu/), 'the error');
    expect(byLabel(m.root, 'Boy (cm)').value).to.equal('181');
    expect(byLabel(m.root, 'Kilo (kg)').value).to.equal('90');
    byRole(m.root, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(m.root, 'status', 'Sağlık bilgileriniz kaydedildi.'), 'the saved message');
  });

  it('lets the customer type while the saved details fail to load, and retries the load', async () => {
    const auth = await loginViaApi();
    const customerId = auth.customer!.id;
    await auth.client.request('updateHealthInfo', {
      params: { customerId },
      body: { $type: 'individual', customerId, height: 190, weight: 95 },
    });
    // GETs are retried by the client: fail every attempt until the fault is cleared.
    await sandboxFault({ method: 'GET', path: 'health-info$', fault: 503, times: 50 });
    const { proxyUrl } = await testEnv();
    const el = await fixture<InsurupHealthForm>(html`<insurup-health-form proxy-url=${proxyUrl} lang="tr"></insurup-health-form>`);
    const root = el.shadowRoot!;
    const m = { el, root, auth };
    await until(() => root.querySelector('input[name="height"]'), 'the form');
    await retype(byLabel(root, 'Boy (cm)'), '188');
    const alert = await until(() => queryByRole(root, 'alert', /Kayıtlı bilgileriniz getirilemedi/), 'the load error', 15_000);
    expect(alert.querySelector('button')?.textContent?.trim()).to.equal('Tekrar dene');
    // Retry from the keyboard, failing again: focus moves on to the new Retry, not to the page.
    byRole(root, 'button', 'Tekrar dene').focus();
    await press('Enter');
    await until(() => deepActiveElement()?.textContent?.includes('Kayıtlı bilgileriniz getiriliyor'), 'focus on the pending status');
    await until(() => deepActiveElement() === queryByRole(root, 'button', 'Tekrar dene'), 'focus on the new Retry', 15_000);
    await clearSandboxFaults();
    await press('Enter');
    await until(() => byLabel(root, 'Kilo (kg)').value === '95', 'the saved weight after the retry');
    // The alert and its Retry are gone: focus is on the step's heading, not lost to the page.
    await until(() => deepActiveElement() === byRole(root, 'heading', 'Sağlık bilgileriniz'), 'focus on the heading');
    // What the customer typed is not overwritten by the late prefill.
    expect(byLabel(root, 'Boy (cm)').value).to.equal('188');
    expect(m.el.session!.state.assetReady).to.equal(false);
  });

  it('works with the keyboard only; Enter saves', async () => {
    const m = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(m.root, 'Boy (cm)'));
    await sendText('172');
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(m.root, 'Kilo (kg)'));
    await sendText('66');
    await press('Enter');
    const done = await until(() => queryByRole(m.root, 'status', 'Sağlık bilgileriniz kaydedildi.'), 'the saved message');
    await until(() => deepActiveElement() === done, 'focus on the result');
    // And back to edit them.
    await press('Tab');
    expect(deepActiveElement()).to.equal(byRole(m.root, 'button', 'Bilgileri düzenle'));
    await press('Enter');
    await until(() => deepActiveElement() === byLabel(m.root, 'Boy (cm)'), 'focus on the height');
    expect(byLabel(m.root, 'Boy (cm)').value).to.equal('172');
  });

  it('speaks English', async () => {
    const m = await mount({ lang: 'en' });
    expect(byRole(m.root, 'heading', 'Your health details')).to.exist;
    await retype(byLabel(m.root, 'Height (cm)'), '300');
    byRole(m.root, 'button', 'Save and continue').click();
    await m.el.updateComplete;
    expect(describedErrors(byLabel(m.root, 'Height (cm)'))).to.equal('Enter a value between 100 and 250.');
  });
});
