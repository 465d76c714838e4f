/**
 * `<insurup-login>`'s "Kodu tekrar gönder" during the resend countdown: disabled, and it looks
 * disabled (muted, not underlined, a not-allowed cursor); a live link again when it may be used.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-login/element.js';
import type { InsurupLogin } from '../../../src/widget/elements/insurup-login/element.js';
import { newIdentity, testEnv, until } from '../support/env.js';
import { byLabel, byRole, queryByRole, typeInto } from '../core/dom.js';
import { freshPage } from '../core/stack.js';

async function toCodeStep(resendSeconds: number): Promise<InsurupLogin> {
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupLogin>(html`<insurup-login
    proxy-url=${proxyUrl}
    kvkk-url="/kvkk-aydinlatma"
    lang="tr"
    resend-seconds=${resendSeconds}
  ></insurup-login>`);
  await until(() => el.session?.auth.status === 'anonymous', 'the silent restore to end');
  await el.updateComplete;
  const root = el.shadowRoot!;
  const who = newIdentity();
  await typeInto(byLabel(root, 'T.C. kimlik numarası'), who.tckn);
  await typeInto(byLabel(root, 'Doğum tarihi'), who.birthDate.replace(/\./g, ''));
  await typeInto(byLabel(root, 'Cep telefonu'), who.phone);
  byLabel(root, /KVKK/).click();
  await el.updateComplete;
  byRole(root, 'button', 'Doğrulama kodu gönder').click();
  await until(() => queryByRole(root, 'heading', 'Doğrulama kodu'), 'the code step');
  await el.updateComplete;
  return el;
}

/** What a sighted user sees of a button: its colour, underline and pointer. */
function looks(button: Element): { color: string; underline: boolean; cursor: string; opacity: string } {
  const style = getComputedStyle(button);
  return {
    color: style.color,
    underline: style.textDecorationLine.includes('underline'),
    cursor: style.cursor,
    opacity: style.opacity,
  };
}

/** A token's colour as the browser computes it (rgb(...)), read inside the element. */
function tokenColour(root: ShadowRoot, token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  root.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

describe('<insurup-login> resend button', () => {
  beforeEach(() => freshPage());
  after(() => freshPage());

  it('is accessible while the countdown runs (axe)', async () => {
    const el = await toCodeStep(60);
    await expect(el).to.be.accessible();
  });

  it('looks disabled during the countdown (muted, no underline, not-allowed) and like a link afterwards', async () => {
    const el = await toCodeStep(2);
    const root = el.shadowRoot!;
    const resend = byRole(root, 'button', 'Kodu tekrar gönder') as HTMLButtonElement;
    const muted = tokenColour(root, '--_muted');
    const primary = tokenColour(root, '--_primary');
    expect(muted).not.to.equal(primary);

    expect(resend.disabled).to.equal(true);
    expect(looks(resend)).to.deep.equal({ color: muted, underline: false, cursor: 'not-allowed', opacity: '1' });
    // Its neighbour, "Numarayı değiştir", stays a live link beside it.
    expect(looks(byRole(root, 'button', 'Numarayı değiştir'))).to.deep.include({ color: primary, underline: true, cursor: 'pointer' });

    await until(() => !resend.disabled, 'the countdown to end', 5_000);
    await el.updateComplete;
    expect(looks(resend)).to.deep.include({ color: primary, underline: true, cursor: 'pointer' });
  });
});
