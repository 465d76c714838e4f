/**
 * The language a screen reader reads the widget in. The widget speaks Turkish or English; on a
 * page whose `lang` names another language (or none) it shows Turkish, and its content must say
 * so, or a German or English voice reads the Turkish words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-login/element.js';
import type { InsurupLogin } from '../../../src/widget/elements/insurup-login/element.js';
import { testEnv, until } from '../support/env.js';
import { byRole } from './dom.js';
import { freshPage } from './stack.js';

describe('the widget content’s language', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  beforeEach(() => freshPage()); // logged out: the login form shows
  afterEach(async () => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
    await freshPage();
  });

  async function mountLogin(): Promise<InsurupLogin> {
    const { proxyUrl } = await testEnv();
    const el = await fixture<InsurupLogin>(html`<insurup-login proxy-url=${proxyUrl}></insurup-login>`);
    await until(() => el.session?.auth.status === 'anonymous', 'the silent restore to end');
    await el.updateComplete;
    return el;
  }

  for (const page of ['de', null] as const) {
    it(`is Turkish on a page ${page ? `in lang="${page}"` : 'without lang'}`, async () => {
      if (page) document.documentElement.setAttribute('lang', page);
      else document.documentElement.removeAttribute('lang');
      const el = await mountLogin();
      const heading = byRole(el.shadowRoot!, 'heading');
      expect(heading.textContent!.trim()).to.equal('Giriş yapın');
      expect(heading.matches(':lang(tr)'), 'the heading read as Turkish').to.equal(true);
      expect(byRole(el.shadowRoot!, 'button', 'Doğrulama kodu gönder').matches(':lang(tr)')).to.equal(true);
    });
  }

  it('follows the page when it turns to English', async () => {
    document.documentElement.setAttribute('lang', 'de');
    const el = await mountLogin();
    document.documentElement.setAttribute('lang', 'en-GB');
    await until(() => byRole(el.shadowRoot!, 'heading').textContent!.trim() === 'Log in', 'the English heading');
    await el.updateComplete;
    expect(byRole(el.shadowRoot!, 'heading').matches(':lang(en)'), 'the heading read as English').to.equal(true);
  });
});
