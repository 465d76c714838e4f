/**
 * `<insurup-flow>` against the sandbox through the proxy: steps, progress, focus, Back, resume
 * after a reload, flows and separately placed elements sharing one login.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/index.js';
import type { InsurupFlow } from '../../../src/widget/elements/insurup-flow/element.js';
import type { InsurupLogin } from '../../../src/widget/elements/insurup-login/element.js';
import { authSessionFor, normalizeProxyUrl, resetAuthSessions } from '../../../src/widget/session/auth-session.js';
import { resetPageSessions } from '../../../src/widget/session/context.js';
import { initialFlowState } from '../../../src/widget/session/flow-state.js';
import { saveFlowState, storageKey } from '../../../src/widget/session/persistence.js';
import type { InsurupEventMap } from '../../../src/widget/events.js';
import { loginViaApi, newIdentity, readOtp, sandboxConfig, testEnv, until } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, deepQuery, press, queryByRole, typeInto, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { brokenWords, overflowing } from '../support/layout.js';
import { a11ySnapshot, sendKeys, setViewport } from '@web/test-runner-commands';

const BRANCH = '3f2b8c1e-9d4a-4b7e-a1c2-5d6e7f8a9b0c';

interface FlowAttrs {
  id?: string;
  product?: string;
  lang?: string;
}

async function mountFlow(attrs: FlowAttrs = {}): Promise<InsurupFlow> {
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupFlow>(html`<insurup-flow
    id=${attrs.id ?? 'main'}
    product=${attrs.product ?? 'kasko'}
    proxy-url=${proxyUrl}
    kvkk-url="/kvkk"
    agent-branch-id=${BRANCH}
    coverage-group-ids="0123456789abcdef01234567"
    lang=${attrs.lang ?? 'tr'}
  ></insurup-flow>`);
  await settled(el);
  return el;
}

/** Until the page login is known and the step element is on screen. */
async function settled(el: InsurupFlow): Promise<void> {
  await until(() => {
    const status = el.session?.auth.status;
    return (status === 'anonymous' || status === 'authenticated') && el.shadowRoot!.querySelector('.step > *:not(.pending)');
  }, 'the flow to show a step');
  await el.updateComplete;
}

const currentStep = (el: InsurupFlow) =>
  el.shadowRoot!.querySelector('[aria-current="step"]')?.textContent?.replace(/\s+/g, ' ').trim();
const stepElement = (el: InsurupFlow) => el.shadowRoot!.querySelector('.step')!.firstElementChild;

/** A new customer logs in with the login form: identity, birth date, phone, KVKK, then the SMS code. */
async function logInNewCustomer(login: HTMLElement): Promise<void> {
  const who = newIdentity();
  await typeInto(byLabel(login, 'T.C. kimlik numarası'), who.tckn);
  await typeInto(byLabel(login, 'Doğum tarihi'), '15061990');
  await typeInto(byLabel(login, 'Cep telefonu'), who.phone);
  byLabel(login, /KVKK/).click();
  byRole(login.shadowRoot!, 'button', 'Doğrulama kodu gönder').click();
  await until(() => queryByRole(login.shadowRoot!, 'heading', 'Doğrulama kodu'), 'the code step');
  await typeInto(byLabel(login, 'SMS ile gelen kod'), await readOtp(who.phone));
  await press('Enter');
}

let stopRecording: Array<() => void> = [];

function recordSteps(el: HTMLElement): Array<InsurupEventMap['insurup-step-change']> {
  const seen: Array<InsurupEventMap['insurup-step-change']> = [];
  const listener = (e: InsurupEventMap['insurup-step-change'] extends infer D ? CustomEvent<D> : never) => seen.push(e.detail);
  el.addEventListener('insurup-step-change', listener);
  stopRecording.push(() => el.removeEventListener('insurup-step-change', listener));
  return seen;
}

/** Reload as the browser does it: memory gone, sessionStorage and the refresh cookie kept. */
function forgetMemory(el: HTMLElement): void {
  el.remove();
  resetPageSessions();
  resetAuthSessions();
}

describe('<insurup-flow>', () => {
  beforeEach(() => freshPage());
  afterEach(() => {
    stopRecording.forEach((stop) => stop());
    stopRecording = [];
  });
  after(() => freshPage());

  it('is accessible, starts at the login and shows progress', async () => {
    const el = await mountFlow();
    await expect(el).to.be.accessible();
    expect(currentStep(el)).to.equal('1 Giriş');
    const steps = [...el.shadowRoot!.querySelectorAll('[part~="progress-step"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps).to.deep.equal(['1 Giriş', '2 Araç', '3 Teklifler', '4 Ödeme', '5 Poliçe']);
    expect(stepElement(el)!.localName).to.equal('insurup-login');
    expect(stepElement(el)!.getAttribute('kvkk-url')).to.equal('/kvkk');
    expect(queryByRole(el.shadowRoot!, 'button', 'Geri')).to.equal(null);
  });

  it('logs in with the keyboard, moves on to the vehicle with focus on its heading, and opens the sales case once', async () => {
    history.replaceState(null, '', `${location.pathname}?utm_source=google&utm_campaign=kasko-kis`);
    try {
      const mark = await requestMark();
      const el = await mountFlow();
      const steps = recordSteps(el);
      const who = newIdentity();
      await typeInto(byLabel(el, 'T.C. kimlik numarası'), who.tckn);
      await press('Tab');
      await typeInto(byLabel(el, 'Doğum tarihi'), '15061990');
      await press('Tab');
      await typeInto(byLabel(el, 'Cep telefonu'), who.phone);
      await press('Tab');
      await press('Space');
      await press('Tab');
      await press('Tab');
      await press('Enter');
      await until(() => deepActiveElement()?.id === 'code', 'the code field');
      await typeInto(byLabel(el, 'SMS ile gelen kod'), await readOtp(who.phone));
      await press('Enter');

      await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'the vehicle step');
      expect(currentStep(el)).to.equal('2 Araç');
      const heading = await until(() => {
        const active = deepActiveElement();
        return active?.getAttribute('part')?.includes('heading') ? active : null;
      }, 'focus on the new heading');
      expect(heading.textContent?.trim()).to.equal('Aracınız');
      expect(stepElement(el)!.shadowRoot!.contains(heading)).to.equal(true);
      // A heading is no control: focus lands there for screen readers, with no ring drawn
      // around the title; the next control, reached with Tab, shows its ring.
      expect(getComputedStyle(heading).outlineStyle, 'ring around the focused heading').to.equal('none');
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      const control = deepActiveElement() as HTMLElement;
      expect(control).not.to.equal(heading);
      expect(getComputedStyle(control).outlineStyle, `ring around ${control.localName}`).to.equal('solid');
      expect(steps).to.deep.equal([{ step: 'asset', previousStep: 'login', product: 'kasko' }]);
      expect(visibleText(el.shadowRoot!.querySelector('[part~="account"]')!)).to.match(/olarak giriş yapıldı/);

      const caseCreated = await until(async () => (await requestsSince(mark, /new-sale-opportunity/, 'POST'))[0], 'the sales case');
      expect(caseCreated.body).to.deep.include({
        productBranch: 'KASKO',
        channel: 'WEBSITE',
        agentBranchId: BRANCH,
        advertisingSource: 'google',
        campaign: 'kasko-kis',
      });
      const graphql = await requestsSince(mark, /^\/graphql$/, 'POST');
      expect(graphql.length).to.be.greaterThan(0);
      expect(graphql[0]!.id).to.be.lessThan(caseCreated.id); // checked first
      await until(() => el.session!.state.caseId, 'the case id in the session');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('resumes at the same step after a reload, without a second sales case', async () => {
    const el = await mountFlow({ id: 'reload' });
    await loginViaApi();
    await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'the vehicle step');
    await until(() => el.session!.state.caseId, 'the sales case');
    el.session!.completeAsset({ type: 'VEHICLE', id: 'veh-reload' });
    await until(() => stepElement(el)?.localName === 'insurup-quotes', 'the quotes step');
    const mark = await requestMark();

    forgetMemory(el);
    const steps = recordSteps(document.body);
    const again = await mountFlow({ id: 'reload' });
    expect(again.session!.auth.status).to.equal('authenticated');
    expect(currentStep(again)).to.equal('3 Teklifler');
    expect(stepElement(again)!.localName).to.equal('insurup-quotes');
    expect(stepElement(again)!.getAttribute('coverage-group-ids')).to.equal('0123456789abcdef01234567');
    expect(again.session!.state.asset).to.deep.equal({ type: 'VEHICLE', id: 'veh-reload' });
    expect(steps).to.deep.equal([{ step: 'quotes', previousStep: null, product: 'kasko' }]);
    const seen = await requestsSince(mark);
    expect(seen.filter((r) => /new-sale-opportunity/.test(r.path))).to.have.length(0);
    expect(seen.filter((r) => r.path === '/api/auth/customer/refresh')).to.have.length(1);
  });

  it('starts over cleanly when the session cannot be resumed', async () => {
    const { proxyUrl } = await testEnv();
    const key = storageKey(normalizeProxyUrl(proxyUrl), 'kasko', 'id:gone');
    saveFlowState(key, { ...initialFlowState('kasko'), customerId: 'someone', step: 'quotes', assetReady: true });
    const el = await mountFlow({ id: 'gone' });
    expect(currentStep(el)).to.equal('1 Giriş');
    expect(stepElement(el)!.localName).to.equal('insurup-login');
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('goes Back from quotes to the vehicle, by keyboard, with focus on the heading', async () => {
    const el = await mountFlow();
    await loginViaApi();
    await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'the vehicle step');
    el.session!.completeAsset({ type: 'VEHICLE', id: 'veh-back' });
    await until(() => stepElement(el)?.localName === 'insurup-quotes', 'the quotes step');
    const back = byRole(el.shadowRoot!, 'button', 'Geri');
    back.focus();
    await press('Enter');
    await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'back at the vehicle');
    expect(currentStep(el)).to.match(/^✓? ?2 ?Araç|Araç/);
    await until(() => deepActiveElement()?.textContent?.trim() === 'Aracınız', 'focus on the vehicle heading');
    expect(queryByRole(el.shadowRoot!, 'button', 'Geri')).to.equal(null);
  });

  it('logs out from the flow and starts over at the login', async () => {
    const el = await mountFlow();
    await loginViaApi();
    await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'the vehicle step');
    const logouts: unknown[] = [];
    el.addEventListener('insurup-logout', (e) => logouts.push(e.detail));
    byRole(el.shadowRoot!, 'button', 'Çıkış yap').click();
    await until(() => stepElement(el)?.localName === 'insurup-login', 'the login again');
    expect(logouts).to.deep.equal([{ reason: 'user' }]);
    await until(() => deepActiveElement()?.textContent?.trim() === 'Giriş yapın', 'focus on the login heading');
    expect(el.session!.state.customerId).to.equal(null);
  });

  it('announces an expired session once and asks the customer to log in again', async () => {
    await sandboxConfig({ tokenTtl: 2 });
    try {
      const { proxyUrl } = await testEnv();
      const el = await mountFlow();
      const auth = await loginViaApi();
      await until(() => stepElement(el)?.localName === 'insurup-vehicle-form', 'the vehicle step');
      const customerId = auth.customer!.id;
      const logouts: unknown[] = [];
      const onLogout = (e: Event) => logouts.push((e as CustomEvent).detail);
      document.addEventListener('insurup-logout', onLogout);
      // The refresh cookie is gone (cleared elsewhere) and the access token runs out.
      await fetch(`${proxyUrl}/api/auth/customer/logout`, { method: 'POST', credentials: 'include' });
      await until(() => (auth.client as unknown as { token: { expired(): boolean } }).token.expired(), 'the token to expire', 5_000);
      await auth.loadCustomer().catch(() => undefined);
      await until(() => stepElement(el)?.localName === 'insurup-login', 'the login again');
      const login = stepElement(el) as InsurupLogin;
      await login.updateComplete;
      expect(byRole(login.shadowRoot!, 'status', 'Oturumunuzun süresi doldu')).to.exist;
      expect(logouts).to.deep.equal([{ reason: 'expired' }]);
      document.removeEventListener('insurup-logout', onLogout);
      // The place is kept for when the same customer logs in again.
      expect(el.session!.state.customerId).to.equal(customerId);
      expect(el.session!.state.step).to.equal('asset');
    } finally {
      await sandboxConfig({ tokenTtl: 600 });
    }
  });

  it('keeps two flows on one page apart under one login', async () => {
    const { proxyUrl } = await testEnv();
    const page = await fixture<HTMLElement>(html`<div>
      <insurup-flow id="first" product="kasko" proxy-url=${proxyUrl} kvkk-url="/kvkk"></insurup-flow>
      <insurup-flow id="second" product="kasko" proxy-url=${proxyUrl} kvkk-url="/kvkk"></insurup-flow>
      <insurup-flow id="third" product="trafik" proxy-url=${proxyUrl} kvkk-url="/kvkk"></insurup-flow>
    </div>`);
    const [a, b, c] = ['first', 'second', 'third'].map((id) => page.querySelector<InsurupFlow>(`#${id}`)!) as [InsurupFlow, InsurupFlow, InsurupFlow];
    await Promise.all([a, b, c].map(settled));
    expect(a.session).not.to.equal(b.session);
    expect(a.session!.auth).to.equal(b.session!.auth);
    expect(c.session!.auth).to.equal(a.session!.auth);

    // Logging in once, in the first flow, logs every flow in.
    const login = stepElement(a) as InsurupLogin;
    await logInNewCustomer(login);
    for (const flow of [a, b, c]) {
      await until(() => stepElement(flow)?.localName === 'insurup-vehicle-form', `${flow.id} at its asset step`);
    }
    // Each flow keeps its own steps and asset.
    a.session!.completeAsset({ type: 'VEHICLE', id: 'veh-first' });
    await until(() => stepElement(a)?.localName === 'insurup-quotes', 'the first flow at quotes');
    await b.updateComplete;
    expect(stepElement(b)!.localName).to.equal('insurup-vehicle-form');
    expect(b.session!.state.asset).to.equal(null);
    expect(currentStep(c)).to.equal('2 Araç');
    const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('insurup:v1:'));
    expect(keys.some((k) => k.endsWith('|kasko|id:first'))).to.equal(true);
    expect(keys.some((k) => k.endsWith('|kasko|id:second'))).to.equal(true);
    expect(keys.some((k) => k.endsWith('|trafik|id:third'))).to.equal(true);
  });

  it('lets separately placed elements share one session (a login block and a vehicle block)', async () => {
    const { proxyUrl } = await testEnv();
    const page = await fixture<HTMLElement>(html`<main>
      <section class="cms-block"><insurup-login proxy-url=${proxyUrl} kvkk-url="/kvkk"></insurup-login></section>
      <section class="cms-block"><p>Kampanya metni</p></section>
      <section class="cms-block"><insurup-vehicle-form proxy-url=${proxyUrl} product="kasko"></insurup-vehicle-form></section>
    </main>`);
    const login = page.querySelector('insurup-login')!;
    const vehicle = page.querySelector('insurup-vehicle-form')!;
    await until(() => login.session?.auth.status === 'anonymous', 'the restore');
    await until(() => visibleText(vehicle).includes('Devam etmek için önce giriş yapın.'), 'the vehicle block asking for a login');
    expect(vehicle.session).to.equal(login.session);

    await logInNewCustomer(login);
    await until(() => queryByRole(login.shadowRoot!, 'heading', 'Hoş geldiniz'), 'the login block greeting');
    await until(() => !visibleText(vehicle).includes('Devam etmek için önce giriş yapın.'), 'the vehicle block to open');
    expect(vehicle.session!.auth.isAuthenticated).to.equal(true);
    expect(vehicle.session!.step).to.equal('asset');
  });

  it('lands on checkout when the page is this flow’s return from a payment page', async () => {
    const auth = await loginViaApi();
    const { proxyUrl } = await testEnv();
    const key = storageKey(normalizeProxyUrl(proxyUrl), 'kasko', 'id:pay');
    const marker = '0123456789abcdef0123456789abcdef';
    saveFlowState(key, {
      ...initialFlowState('kasko'),
      customerId: auth.customer!.id,
      step: 'checkout',
      assetReady: true,
      asset: { type: 'VEHICLE', id: 'veh-pay' },
      proposalId: 'proposal-pay',
      selection: {
        proposalProductId: 'pp-pay', installmentNumber: 1, insuranceCompanyId: '1', insuranceCompanyName: 'Sigorta',
        productId: '1', productName: 'Kasko', grossPremium: 1000, currency: 'TURKISH_LIRA',
      },
      purchase: { proposalProductId: 'pp-pay', paymentType: 'insurance-company-redirect', returnMarker: marker, startedAt: Date.now() },
    });
    // The flow was left at quotes by a Back before paying; the return still lands on checkout.
    const saved = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...saved, step: 'quotes' }));
    resetPageSessions();
    resetAuthSessions();
    history.replaceState(null, '', `${location.pathname}?insurup_return=${marker}&success=true`);
    try {
      const el = await mountFlow({ id: 'pay' });
      expect(currentStep(el)).to.equal('4 Ödeme');
      expect(stepElement(el)!.localName).to.equal('insurup-checkout');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('shows the progress on a 360 px phone in English and Turkish: numbers and the current label, every label for screen readers', async () => {
    const margin = document.body.style.margin;
    document.body.style.margin = '0';
    await setViewport({ width: 360, height: 740 });
    try {
      for (const [lang, product, labels] of [
        ['en', 'kasko', ['Log in', 'Vehicle', 'Quotes', 'Payment', 'Policy']],
        ['en', 'tss', ['Log in', 'Health', 'Quotes', 'Payment', 'Policy']],
        ['tr', 'konut', ['Giriş', 'Konut', 'Teklifler', 'Ödeme', 'Poliçe']],
      ] as const) {
        const { proxyUrl } = await testEnv();
        const page = await fixture<HTMLElement>(html`<main style="padding: 24px 16px"><div style="padding: 20px">
          <insurup-flow product=${product} proxy-url=${proxyUrl} lang=${lang}></insurup-flow></div></main>`);
        const el = page.querySelector('insurup-flow')!;
        await settled(el);
        const what = (s: string) => `${lang} ${product}: ${s}`;
        const list = el.shadowRoot!.querySelector<HTMLElement>('[part~="progress"]')!;
        const items = [...list.querySelectorAll<HTMLElement>('li')];
        // Every label is still in the list (read by screen readers), numbered.
        expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()), what('labels')).to.deep.equal(labels.map((l, i) => `${i + 1} ${l}`));
        type AxNode = { role: string; name?: string; children?: AxNode[] };
        const flat = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(flat)];
        const tree = flat((await a11ySnapshot({})) as unknown as AxNode);
        const texts = tree.filter((n) => n.role === 'StaticText').map((n) => n.name);
        for (const label of labels) expect(texts, what(`"${label}" for screen readers`)).to.include(label);
        // On screen: the markers and the current step's label, one line, nothing cut or overflowing.
        const shown = items.map((li) => {
          const box = li.querySelector('.step-label')!.getBoundingClientRect();
          return box.width > 1 && box.height > 1;
        });
        expect(brokenWords(list), what('words split')).to.deep.equal([]);
        expect(overflowing(list), what('overflowing')).to.deep.equal([]);
        expect(shown, what('labels drawn')).to.deep.equal([true, false, false, false, false]);
        const tops = new Set(items.map((li) => Math.round(li.querySelector('.marker')!.getBoundingClientRect().top)));
        expect(tops.size, what('markers on one row')).to.equal(1);
        expect(document.documentElement.scrollWidth, what('the page scrolls sideways')).to.be.at.most(360);
        page.remove();
      }
      // Wide enough: every label under its marker again.
      await setViewport({ width: 800, height: 600 });
      const wide = await mountFlow({ lang: 'en' });
      const drawn = [...wide.shadowRoot!.querySelectorAll('.step-label')].map((label) => label.getBoundingClientRect().width > 1);
      expect(drawn).to.deep.equal([true, true, true, true, true]);
    } finally {
      document.body.style.margin = margin;
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks English', async () => {
    const el = await mountFlow({ lang: 'en', product: 'konut' });
    const steps = [...el.shadowRoot!.querySelectorAll('[part~="progress-step"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps).to.deep.equal(['1 Log in', '2 Home', '3 Quotes', '4 Payment', '5 Policy']);
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Purchase steps');
    expect(deepQuery(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Log in');
  });

  it('switches the step inside it to English when its lang changes, without re-creating it', async () => {
    const el = await mountFlow({ lang: 'tr' });
    const login = stepElement(el) as InsurupLogin;
    const heading = () => deepQuery(el, '[part~="heading"]')!.textContent!.trim();
    expect(heading()).to.equal('Giriş yapın');
    el.setAttribute('lang', 'en');
    await until(() => heading() === 'Log in', 'the English login heading');
    expect(stepElement(el)).to.equal(login, 'the same login element');
    expect(byLabel(el, 'Mobile number')).to.exist;
    expect(currentStep(el)).to.equal('1 Log in');
  });

  it('follows a lang change on an ancestor of the flow', async () => {
    const { proxyUrl } = await testEnv();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="tr">
      <insurup-flow id="main" product="kasko" proxy-url=${proxyUrl}></insurup-flow>
    </div>`);
    const el = wrapper.querySelector('insurup-flow')!;
    await settled(el);
    const login = stepElement(el);
    expect(deepQuery(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Giriş yapın');
    wrapper.setAttribute('lang', 'en');
    await until(() => deepQuery(el, '[part~="heading"]')!.textContent!.trim() === 'Log in', 'the English login heading');
    expect(stepElement(el)).to.equal(login);
    expect(currentStep(el)).to.equal('1 Log in');
  });

  it('says what is missing when it is not configured', async () => {
    const el = await fixture<InsurupFlow>(html`<insurup-flow product="kasko"></insurup-flow>`);
    expect(byRole(el.shadowRoot!, 'alert').textContent).to.contain('proxy-url');
    const bad = await fixture<InsurupFlow>(html`<insurup-flow proxy-url="/x" product="kaskoo"></insurup-flow>`);
    expect(byRole(bad.shadowRoot!, 'alert').textContent).to.contain('kasko, trafik, imm, konut, dask veya tss');
    void authSessionFor;
  });
});
