/**
 * `<insurup-login>` against the sandbox through the proxy: as a customer uses it, by labels
 * and visible text, with real key presses.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/widget/elements/insurup-login/element.js';
import type { InsurupLogin } from '../../../src/widget/elements/insurup-login/element.js';
import { authSessionFor } from '../../../src/widget/session/auth-session.js';
import { expireAccessTokens, newIdentity, readOtp, sandboxConfig, sandboxFault, testEnv, until, type Identity } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, describedErrors, press, queryByRole, typeInto, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';

function vknWithCheckDigit(nine: string): string {
  const d = [...nine].map(Number);
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const t = (d[i - 1]! + 10 - i) % 10;
    if (t === 0) continue;
    const v = (t * 2 ** (10 - i)) % 9;
    sum += v === 0 ? 9 : v;
  }
  return nine + String((10 - (sum % 10)) % 10);
}

async function mount(attrs: { lang?: string; resendSeconds?: number } = {}): Promise<InsurupLogin> {
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupLogin>(html`<insurup-login
    proxy-url=${proxyUrl}
    kvkk-url="/kvkk-aydinlatma"
    lang=${attrs.lang ?? 'tr'}
    resend-seconds=${attrs.resendSeconds ?? 60}
  ></insurup-login>`);
  await until(() => el.session?.auth.status === 'anonymous', 'the silent restore to end');
  await el.updateComplete;
  return el;
}

const root = (el: InsurupLogin) => el.shadowRoot!;

/** Fills the individual form by labels (real typing) and ticks the consent. */
async function fillForm(el: InsurupLogin, who: Identity, consent = true): Promise<void> {
  await typeInto(byLabel(root(el), 'T.C. kimlik numarası'), who.tckn);
  await typeInto(byLabel(root(el), 'Doğum tarihi'), who.birthDate.replace(/\./g, ''));
  await typeInto(byLabel(root(el), 'Cep telefonu'), who.phone);
  if (consent) byLabel(root(el), /KVKK/).click();
  await el.updateComplete;
}

async function toCodeStep(el: InsurupLogin, who: Identity): Promise<void> {
  await fillForm(el, who);
  byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
  await until(() => queryByRole(root(el), 'heading', 'Doğrulama kodu'), 'the code step');
  await el.updateComplete;
}

/** A new customer through both steps, with the code from the simulated phone. */
async function logInThroughForm(el: InsurupLogin): Promise<void> {
  const who = newIdentity();
  await toCodeStep(el, who);
  await typeInto(byLabel(root(el), 'SMS ile gelen kod'), await readOtp(who.phone));
  await press('Enter');
  await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view');
}

describe('<insurup-login>', () => {
  beforeEach(() => freshPage());
  after(() => freshPage());

  it('is accessible in both of its steps (axe)', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    await toCodeStep(el, newIdentity());
    await expect(el).to.be.accessible();
  });

  it('logs a customer in with the keyboard only, with the code from the SMS', async () => {
    const el = await mount();
    const who = newIdentity();
    const logins: Array<CustomEvent> = [];
    el.addEventListener('insurup-login', (e) => logins.push(e));
    const mark = await requestMark();

    // Tab from the top of the page: the customer type comes first, then the fields in order.
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    expect((deepActiveElement() as HTMLInputElement).name).to.equal('customerType');
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(root(el), 'T.C. kimlik numarası'));
    await sendKeys({ type: who.tckn });
    await press('Tab');
    await sendKeys({ type: '15061990' });
    expect(byLabel(root(el), 'Doğum tarihi').value).to.equal('15.06.1990');
    await press('Tab');
    expect(deepActiveElement()).to.equal(byLabel(root(el), 'Cep telefonu'));
    await sendKeys({ type: `0${who.phone}` });
    expect(byLabel(root(el), 'Cep telefonu').value).to.equal(
      `${who.phone.slice(0, 3)} ${who.phone.slice(3, 6)} ${who.phone.slice(6, 8)} ${who.phone.slice(8)}`,
    );
    await press('Tab');
    await press('Space');
    expect(byLabel<HTMLInputElement>(root(el), /KVKK/).checked).to.equal(true);
    await press('Tab'); // the notice link
    expect((deepActiveElement() as HTMLAnchorElement).href).to.contain('/kvkk-aydinlatma');
    await press('Tab');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Doğrulama kodu gönder');
    await press('Enter');

    // The code step: focus is in the code field, which the phone can fill from the SMS.
    await until(() => deepActiveElement() === queryCode(el), 'focus on the code field');
    const code = byLabel(root(el), 'SMS ile gelen kod');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(visibleText(root(el))).to.contain(`+90 ${who.phone.slice(0, 3)}`);
    await sendKeys({ type: await readOtp(who.phone) });
    await press('Enter');

    await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view');
    expect(logins).to.have.length(1);
    expect(logins[0]!.detail).to.deep.equal({ customerType: 'INDIVIDUAL' });
    const asText = JSON.stringify(logins[0]!.detail);
    expect(asText).not.to.contain(who.tckn);
    expect(asText).not.to.contain(who.phone);
    expect(byRole(root(el), 'button', 'Çıkış yap')).to.exist;

    const [login] = await requestsSince(mark, /login-or-register$/);
    expect(login!.body).to.deep.include({ $type: 'individual', birthDate: '1990-06-15' });
    expect((login!.body as { phoneNumber: unknown }).phoneNumber).to.deep.equal({ number: who.phone, countryCode: 90 });
    // The agency proxy put its Agent ID in; the page never sends it.
    expect((login!.body as { agentId?: string }).agentId).to.match(/^[0-9a-f-]{36}$/);
    // Nothing typed stays in storage.
    const stored = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)).join(' ');
    expect(stored).not.to.contain(who.tckn);
    expect(stored).not.to.contain(who.phone);
  });

  it('checks a TCKN as typed and shows the error only after leaving the field; nothing is sent', async () => {
    const el = await mount();
    const mark = await requestMark();
    const id = byLabel(root(el), 'T.C. kimlik numarası');
    await typeInto(id, '12345678901');
    await el.updateComplete;
    expect(describedErrors(id)).to.equal('');
    await press('Tab');
    await el.updateComplete;
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(describedErrors(id)).to.equal('Geçerli bir T.C. kimlik numarası girin (11 hane).');
    // Letters never get in.
    id.focus();
    await sendKeys({ type: 'ab' });
    expect(id.value).to.equal('12345678901');
    byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(id);
    expect(await requestsSince(mark, /login-or-register/)).to.have.length(0);
  });

  it('asks a company for a valid VKN and no birth date', async () => {
    const el = await mount();
    const type = byLabel<HTMLInputElement>(root(el), 'Bireysel');
    type.focus();
    await press('ArrowRight'); // radios move with the arrow keys
    await el.updateComplete;
    expect(byLabel<HTMLInputElement>(root(el), 'Kurumsal').checked).to.equal(true);
    expect(() => byLabel(root(el), 'Doğum tarihi')).to.throw();
    const vkn = byLabel(root(el), 'Vergi kimlik numarası');
    expect(vkn.maxLength).to.equal(10);
    const wrong = vknWithCheckDigit('123456789').replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await typeInto(vkn, wrong);
    await press('Tab');
    await el.updateComplete;
    expect(describedErrors(vkn)).to.equal('Geçerli bir vergi kimlik numarası girin (10 hane).');
    vkn.select();
    await sendKeys({ type: vknWithCheckDigit('123456789') });
    await el.updateComplete;
    expect(describedErrors(vkn)).to.equal('');
  });

  it('refuses a number that is not a Turkish mobile', async () => {
    const el = await mount();
    const mark = await requestMark();
    const who = newIdentity();
    await fillForm(el, { ...who, phone: '2121234567' });
    const phone = byLabel(root(el), 'Cep telefonu');
    byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
    await el.updateComplete;
    expect(describedErrors(phone)).to.equal('Geçerli bir cep telefonu girin (5XX XXX XX XX).');
    expect(deepActiveElement()).to.equal(phone);
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel-national');
    expect(phone.inputMode).to.equal('tel');
    expect(await requestsSince(mark, /login-or-register/)).to.have.length(0);
  });

  it('needs the KVKK consent and says so next to the box', async () => {
    const el = await mount();
    const mark = await requestMark();
    await fillForm(el, newIdentity(), false);
    byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
    await el.updateComplete;
    const consent = byLabel<HTMLInputElement>(root(el), /KVKK/);
    expect(deepActiveElement()).to.equal(consent);
    expect(describedErrors(consent)).to.equal('Devam etmek için KVKK Aydınlatma Metni’ni onaylayın.');
    const link = byRole(root(el), 'link', 'KVKK Aydınlatma Metni') as HTMLAnchorElement;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(await requestsSince(mark, /login-or-register/)).to.have.length(0);
    consent.click();
    await el.updateComplete;
    expect(describedErrors(consent)).to.equal('');
  });

  it('says a code is wrong, with the attempts left, and keeps the customer on the code step', async () => {
    const el = await mount();
    await toCodeStep(el, newIdentity());
    const code = byLabel(root(el), 'SMS ile gelen kod');
    await typeInto(code, '000000');
    await press('Enter');
    await until(() => describedErrors(code), 'the wrong-code message');
    expect(describedErrors(code)).to.equal('Kod hatalı. Kalan deneme hakkı: 4.');
    expect(code.value).to.equal('');
    expect(deepActiveElement()).to.equal(code);
    // A short code is not sent at all.
    const mark = await requestMark();
    await sendKeys({ type: '12' });
    await press('Enter');
    await el.updateComplete;
    expect(describedErrors(code)).to.equal('SMS ile gelen 6 haneli kodu girin.');
    expect(await requestsSince(mark, /verify-mfa/)).to.have.length(0);
  });

  it('offers a new code only when the countdown has run out', async () => {
    const el = await mount({ resendSeconds: 2 });
    const who = newIdentity();
    await toCodeStep(el, who);
    const resend = byRole(root(el), 'button', 'Kodu tekrar gönder') as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    expect(visibleText(root(el))).to.match(/Yeni kodu [12] saniye sonra isteyebilirsiniz\./);
    await until(() => !resend.disabled, 'the countdown to end', 5_000);
    expect(visibleText(root(el))).not.to.contain('saniye sonra');
    const mark = await requestMark();
    resend.click();
    await until(() => visibleText(root(el)).includes('Yeni bir kod gönderdik.'), 'the resend notice');
    expect(byRole(root(el), 'status', 'Yeni bir kod gönderdik.')).to.exist;
    expect(await requestsSince(mark, /login-or-register$/)).to.have.length(1);
    expect((byRole(root(el), 'button', 'Kodu tekrar gönder') as HTMLButtonElement).disabled).to.equal(true);
    // The new code works.
    await typeInto(byLabel(root(el), 'SMS ile gelen kod'), await readOtp(who.phone));
    await press('Enter');
    await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view');
  });

  it('locks the code after five wrong tries and lets the customer ask for a new one', async () => {
    const el = await mount();
    const who = newIdentity();
    await toCodeStep(el, who);
    const code = byLabel(root(el), 'SMS ile gelen kod');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await typeInto(code, '000000');
      await press('Enter');
      await until(() => describedErrors(code).includes(`${5 - attempt}.`), `wrong code ${attempt}`);
    }
    await typeInto(code, '000000');
    await press('Enter');
    const alert = await until(() => queryByRole(root(el), 'alert', 'Çok fazla hatalı deneme'), 'the lockout');
    expect(alert.textContent).to.contain('yeni bir kod isteyin');
    expect(code.disabled).to.equal(true);
    expect((byRole(root(el), 'button', 'Doğrula ve devam et') as HTMLButtonElement).disabled).to.equal(true);
    byRole(root(el), 'button', 'Yeni kod gönder').click();
    await until(() => !code.disabled && deepActiveElement() === code, 'a new code');
    await sendKeys({ type: await readOtp(who.phone) });
    await press('Enter');
    await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view');
  });

  it('goes back to change the number without losing the other answers', async () => {
    const el = await mount();
    const who = newIdentity();
    await toCodeStep(el, who);
    byRole(root(el), 'button', 'Numarayı değiştir').click();
    await until(() => queryByRole(root(el), 'heading', 'Giriş yapın'), 'the form');
    await el.updateComplete;
    const phone = byLabel(root(el), 'Cep telefonu');
    expect(deepActiveElement()).to.equal(phone);
    expect(byLabel(root(el), 'T.C. kimlik numarası').value).to.equal(who.tckn);
    expect(byLabel(root(el), 'Doğum tarihi').value).to.equal(who.birthDate);
    expect(byLabel<HTMLInputElement>(root(el), /KVKK/).checked).to.equal(true);
    expect(phone.value.replace(/\s/g, '')).to.equal(who.phone);
  });

  it('a real press on "Numarayı değiştir" goes back at once, though the empty code field it leaves has focus', async () => {
    // Leaving the code field used to show "enter the code" first, which moved the button from
    // under the pointer: the press was lost and the customer stayed on the code step.
    const el = await mount();
    const who = newIdentity();
    await toCodeStep(el, who);
    await until(() => deepActiveElement() === byLabel(root(el), 'SMS ile gelen kod'), 'focus on the code field');
    const change = byRole(root(el), 'button', 'Numarayı değiştir');
    const box = change.getBoundingClientRect();
    // Near its top edge: the error line above would push that part of it away.
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + 4)] });
    await until(() => queryByRole(root(el), 'heading', 'Giriş yapın'), 'the form again');
    expect(visibleText(root(el))).not.to.contain('6 haneli');
  });

  it('shows a refused login next to the field it concerns (a TCKN registered with another phone)', async () => {
    const el = await mount();
    const who = newIdentity();
    await toCodeStep(el, who);
    byRole(root(el), 'button', 'Numarayı değiştir').click();
    await el.updateComplete;
    const phone = byLabel(root(el), 'Cep telefonu');
    phone.select();
    await sendKeys({ type: newIdentity().phone });
    byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
    await until(() => describedErrors(phone), 'the mismatch message');
    expect(describedErrors(phone)).to.equal('Bu kimlik numarası başka bir cep telefonuyla kayıtlı. Kayıtlı numaranızı girin.');
    expect(deepActiveElement()).to.equal(phone);
  });

  it('shows who is logged in and logs out', async () => {
    const el = await mount();
    const who = newIdentity();
    await toCodeStep(el, who);
    await typeInto(byLabel(root(el), 'SMS ile gelen kod'), await readOtp(who.phone));
    await press('Enter');
    const heading = await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view');
    const firstName = el.session!.auth.customer!.fullName!.split(' ')[0]!;
    expect(heading.textContent?.trim()).to.equal(`Hoş geldiniz, ${firstName}`);
    expect(visibleText(root(el))).not.to.contain(el.session!.auth.customer!.fullName!.split(' ')[1]!);
    await until(() => deepActiveElement() === heading, 'focus on the greeting');
    const logout = oneEvent(el, 'insurup-logout');
    byRole(root(el), 'button', 'Çıkış yap').click();
    expect((await logout).detail).to.deep.equal({ reason: 'user' });
    await until(() => queryByRole(root(el), 'heading', 'Giriş yapın'), 'the form again');
    expect(byLabel(root(el), 'T.C. kimlik numarası').value).to.equal('');
    expect(authSessionFor((await testEnv()).proxyUrl).status).to.equal('anonymous');
  });

  it('shows a failed request with Retry, keeps what was typed, and reports it without personal data', async () => {
    const el = await mount();
    const who = newIdentity();
    const errors: unknown[] = [];
    el.addEventListener('insurup-error', (e) => errors.push(e.detail));
    await fillForm(el, who);
    await sandboxFault({ path: 'login-or-register$', fault: 503, times: 1 });
    byRole(root(el), 'button', 'Doğrulama kodu gönder').click();
    const alert = await until(() => queryByRole(root(el), 'alert'), 'the alert');
    expect(alert.textContent).to.contain('Sunucuda bir sorun oluştu'); // a 5xx detail is not for customers
    expect(byLabel(root(el), 'T.C. kimlik numarası').value).to.equal(who.tckn);
    expect(byLabel(root(el), 'Cep telefonu').value.replace(/\s/g, '')).to.equal(who.phone);
    expect(errors).to.deep.equal([{ step: 'login', code: 'SANDBOX_FAULT_INJECTED', status: 503 }]);
    byRole(alert, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(root(el), 'heading', 'Doğrulama kodu'), 'the code step after Retry');

    // The same for the code: the alert offers Retry and the code stays.
    await typeInto(byLabel(root(el), 'SMS ile gelen kod'), await readOtp(who.phone));
    await sandboxFault({ path: 'verify-mfa$', fault: 503, times: 1 });
    await press('Enter');
    const codeAlert = await until(() => queryByRole(root(el), 'alert'), 'the verify alert');
    expect(byLabel(root(el), 'SMS ile gelen kod').value).to.equal(await readOtp(who.phone));
    byRole(codeAlert, 'button', 'Tekrar dene').click();
    await until(() => queryByRole(root(el), 'heading', 'Hoş geldiniz'), 'the logged-in view after Retry');
  });

  it('offers to try again when resuming a live session fails for a passing reason, and then resumes it', async () => {
    const { proxyUrl } = await testEnv();
    const { loginViaApi, resetWidgetState, clearSandboxFaults } = await import('../support/env.js');
    await loginViaApi(); // the browser now holds a refresh cookie
    resetWidgetState(); // a reload: the page has forgotten everything but the cookie
    await sandboxFault({ path: 'auth/customer/refresh$', fault: 503, times: 1 });
    const el = await fixture<InsurupLogin>(html`<insurup-login proxy-url=${proxyUrl} lang="tr"></insurup-login>`);
    const alert = await until(() => queryByRole(root(el), 'alert'), 'the restore error');
    expect(visibleText(alert)).to.contain('Oturumunuz şu anda doğrulanamadı');
    await clearSandboxFaults();
    byRole(alert, 'button', 'Tekrar dene').click();
    await until(() => el.session?.auth.status === 'authenticated', 'the session resumed');
    await el.updateComplete;
    expect(queryByRole(root(el), 'button', 'Çıkış yap')).to.exist;
  });

  it('speaks English', async () => {
    const el = await mount({ lang: 'en' });
    expect(byRole(root(el), 'heading').textContent?.trim()).to.equal('Log in');
    const id = byLabel(root(el), 'Turkish ID number (TCKN)');
    await typeInto(id, '11111111111');
    await press('Tab');
    await el.updateComplete;
    expect(describedErrors(id)).to.equal('Enter a valid Turkish ID number (11 digits).');
    expect(byRole(root(el), 'button', 'Send verification code')).to.exist;
    expect(byRole(root(el), 'link', 'privacy notice (KVKK)')).to.exist;
  });

  it('keeps the session through a token refresh mid-session', async () => {
    await sandboxConfig({ tokenTtl: 2 });
    try {
      const el = await mount();
      await logInThroughForm(el);
      const auth = el.session!.auth;
      const mark = await requestMark();
      // Wait (by condition) until the 2-second token is past its refresh point.
      await until(() => (auth.client as unknown as { token: { expiresSoon(): boolean } }).token.expiresSoon(), 'the token to age', 5_000);
      const customer = await auth.loadCustomer();
      expect(customer.id).to.equal(auth.customer!.id);
      const seen = await requestsSince(mark);
      expect(seen.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal([
        'POST /api/auth/customer/refresh 200',
        'GET /api/customers/me 200',
      ]);
      expect(auth.status).to.equal('authenticated');
      expect(visibleText(root(el))).to.contain('Hoş geldiniz');
    } finally {
      await sandboxConfig({ tokenTtl: 600 });
    }
  });

  it('keeps the session when InsurUp ends the access token early: one refresh through the cookie, then the call again', async () => {
    const el = await mount();
    await logInThroughForm(el);
    const auth = el.session!.auth;
    const mark = await requestMark();
    await expireAccessTokens();
    const customer = await auth.loadCustomer();
    expect(customer.id).to.equal(auth.customer!.id);
    const seen = await requestsSince(mark, /^\/api\//);
    expect(seen.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal([
      'GET /api/customers/me 401',
      'POST /api/auth/customer/refresh 200',
      'GET /api/customers/me 200',
    ]);
    expect(auth.status).to.equal('authenticated');
    expect(visibleText(root(el))).to.contain('Hoş geldiniz');
  });
});

function queryCode(el: InsurupLogin): HTMLInputElement | null {
  return el.shadowRoot!.querySelector('#code');
}

