/**
 * Theming: host-page styles do not leak in, `--insurup-*` properties and `::part()` style the
 * elements (also through `<insurup-flow>`), dark mode by system setting or `theme`, and a
 * 360 px phone screen with touch targets of at least 2.75em.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../../src/widget/index.js';
import type { InsurupLogin } from '../../../src/widget/elements/insurup-login/element.js';
import type { InsurupFlow } from '../../../src/widget/elements/insurup-flow/element.js';
import { testEnv, until } from '../support/env.js';
import { byLabel, byRole, deepQueryAll } from '../core/dom.js';
import { freshPage } from '../core/stack.js';

async function mountLogin(theme?: string): Promise<InsurupLogin> {
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupLogin>(html`<insurup-login proxy-url=${proxyUrl} kvkk-url="/kvkk" theme=${theme ?? ''}></insurup-login>`);
  if (!theme) el.removeAttribute('theme');
  await until(() => el.session?.auth.status === 'anonymous', 'the restore');
  await el.updateComplete;
  return el;
}

function pageStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

function measure(el: InsurupLogin) {
  const root = el.shadowRoot!;
  const heading = getComputedStyle(byRole(root, 'heading'));
  const input = getComputedStyle(byLabel(root, 'T.C. kimlik numarası'));
  const intro = getComputedStyle(root.querySelector('[part~="intro"]')!);
  const button = byRole(root, 'button', 'Doğrulama kodu gönder').getBoundingClientRect();
  return {
    headingSize: heading.fontSize,
    headingColor: heading.color,
    inputSize: input.fontSize,
    inputHeight: Math.round(byLabel(root, 'T.C. kimlik numarası').getBoundingClientRect().height),
    introColor: intro.color,
    introLineHeight: intro.lineHeight,
    introFont: intro.fontFamily,
    introAlign: intro.textAlign,
    introSpacing: intro.letterSpacing,
    buttonHeight: Math.round(button.height),
  };
}

const rgb = (el: Element, property: 'color' | 'backgroundColor') => getComputedStyle(el)[property];

describe('Theming', () => {
  beforeEach(() => freshPage());
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible in dark mode too', async () => {
    const el = await mountLogin('dark');
    await expect(el).to.be.accessible();
  });

  it('ignores the host page’s root font size, colour, line height, font and alignment', async () => {
    const el = await mountLogin();
    const before = measure(el);
    expect(before.inputSize).to.equal('16px');
    expect(before.headingSize).to.equal('22px');
    const hostile = pageStyle(`
      html { font-size: 62.5%; }
      body { color: red; line-height: 3; font-family: serif; text-align: center; letter-spacing: 2px; }
    `);
    try {
      await el.updateComplete;
      expect(measure(el)).to.deep.equal(before);
      expect(before.introColor).not.to.equal('rgb(255, 0, 0)');
    } finally {
      hostile.remove();
    }
  });

  it('grows with the reader’s own browser text size, even under a theme’s 62.5% root', async () => {
    // Chrome's Settings → Font size "Very large" (or a low-vision reader's 32px): the page's
    // text doubles, and so must the widget's, or its fields stay small beside it.
    const hostile = pageStyle('html { font-size: 62.5%; }');
    await executeServerCommand('default-font-size', { px: 32 });
    try {
      const el = await mountLogin();
      const size = measure(el);
      expect(size.inputSize).to.equal('32px');
      expect(size.headingSize).to.equal('44px');
      const send = byRole(el.shadowRoot!, 'button', 'Doğrulama kodu gönder');
      expect(send.getBoundingClientRect().height, 'the button grows with its text').to.be.at.least(88 - 1);
    } finally {
      await executeServerCommand('default-font-size', { px: 16 });
      hostile.remove();
    }
  });

  it('takes --insurup-* custom properties and ::part() rules from the page', async () => {
    const el = await mountLogin();
    const theme = pageStyle(`
      insurup-login { --insurup-color-primary: rgb(200, 0, 100); --insurup-font-size: 20px; --insurup-radius: 0; }
      insurup-login::part(heading) { color: rgb(1, 2, 3); }
    `);
    try {
      const button = byRole(el.shadowRoot!, 'button', 'Doğrulama kodu gönder');
      expect(rgb(button, 'backgroundColor')).to.equal('rgb(200, 0, 100)');
      expect(getComputedStyle(button).borderTopLeftRadius).to.equal('0px');
      expect(getComputedStyle(byLabel(el.shadowRoot!, 'T.C. kimlik numarası')).fontSize).to.equal('20px');
      expect(rgb(byRole(el.shadowRoot!, 'heading'), 'color')).to.equal('rgb(1, 2, 3)');
    } finally {
      theme.remove();
    }
  });

  it('keeps Turkish capitals right when a theme upper-cases text (GİRİŞ, not GIRIŞ)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="tr"></div>`);
    const { proxyUrl } = await testEnv();
    wrapper.innerHTML = `<insurup-login proxy-url="${proxyUrl}"></insurup-login>`;
    const el = wrapper.firstElementChild as InsurupLogin;
    await until(() => el.session?.auth.status === 'anonymous', 'the restore');
    await el.updateComplete;
    const theme = pageStyle('insurup-login::part(heading) { text-transform: uppercase; }');
    try {
      expect((byRole(el.shadowRoot!, 'heading') as HTMLElement).innerText).to.equal('GİRİŞ YAPIN');
    } finally {
      theme.remove();
    }
  });

  it('re-exports the step’s parts through <insurup-flow>', async () => {
    const { proxyUrl } = await testEnv();
    const flow = await fixture<InsurupFlow>(html`<insurup-flow product="kasko" proxy-url=${proxyUrl}></insurup-flow>`);
    await until(() => flow.session?.auth.status === 'anonymous' && flow.shadowRoot!.querySelector('insurup-login'), 'the login step');
    const theme = pageStyle(`
      insurup-flow::part(heading) { color: rgb(4, 5, 6); }
      insurup-flow::part(progress-step current) { color: rgb(7, 8, 9); }
    `);
    try {
      const login = flow.shadowRoot!.querySelector('insurup-login')!;
      await login.updateComplete;
      expect(rgb(byRole(login.shadowRoot!, 'heading'), 'color')).to.equal('rgb(4, 5, 6)');
      expect(rgb(flow.shadowRoot!.querySelector('[aria-current="step"]')!, 'color')).to.equal('rgb(7, 8, 9)');
    } finally {
      theme.remove();
    }
  });

  it('turns dark with theme="dark", and with the system setting unless theme="light"', async () => {
    const light = await mountLogin();
    const lightText = rgb(light, 'color');
    expect(lightText).to.equal('rgb(28, 36, 48)');
    const dark = await mountLogin('dark');
    expect(rgb(dark, 'color')).to.equal('rgb(231, 235, 240)');
    expect(rgb(byLabel(dark.shadowRoot!, 'T.C. kimlik numarası'), 'backgroundColor')).to.equal('rgb(27, 34, 44)');

    await emulateMedia({ colorScheme: 'dark' });
    expect(rgb(light, 'color')).to.equal('rgb(231, 235, 240)');
    light.setAttribute('theme', 'light');
    expect(rgb(light, 'color')).to.equal(lightText);
  });

  it('fits a 360 px phone with touch targets of at least 44 px', async () => {
    await setViewport({ width: 360, height: 740 });
    const { proxyUrl } = await testEnv();
    const flow = await fixture<InsurupFlow>(html`<insurup-flow product="kasko" proxy-url=${proxyUrl} kvkk-url="/kvkk"></insurup-flow>`);
    await until(() => flow.session?.auth.status === 'anonymous' && flow.shadowRoot!.querySelector('insurup-login'), 'the login step');
    const login = flow.shadowRoot!.querySelector('insurup-login')!;
    await login.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    expect(flow.getBoundingClientRect().width).to.be.at.most(360);
    const targets = deepQueryAll<HTMLElement>(login.shadowRoot!, 'button, input:not([type="radio"]):not([type="checkbox"]), label.choice, .choice');
    expect(targets.length).to.be.greaterThan(5);
    for (const target of targets) {
      expect(target.getBoundingClientRect().height, target.outerHTML.slice(0, 80)).to.be.at.least(44);
    }
  });
});

describe('Theming: dark mode inside a flow', () => {
  beforeEach(() => freshPage());

  it('paints one dark backdrop for the flow, none for the step inside it', async () => {
    const { proxyUrl } = await testEnv();
    const flow = await fixture<InsurupFlow>(html`<insurup-flow theme="dark" product="kasko" proxy-url=${proxyUrl}></insurup-flow>`);
    await until(() => flow.session?.auth.status === 'anonymous' && flow.shadowRoot!.querySelector('insurup-login'), 'the login step');
    const login = flow.shadowRoot!.querySelector('insurup-login')!;
    expect(rgb(flow, 'backgroundColor')).to.equal('rgb(17, 22, 29)');
    expect(getComputedStyle(flow).paddingTop).to.equal('16px');
    expect(rgb(login, 'backgroundColor')).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(login).paddingTop).to.equal('0px');
    expect(rgb(login, 'color')).to.equal('rgb(231, 235, 240)');
    await expect(flow).to.be.accessible();
  });
});
