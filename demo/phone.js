// The simulated phone beside the demo: the latest SMS and the latest e-mails the sandbox
// "sent" to what this visitor typed, so a visitor can log in and get the policy without a real
// phone or mailbox. Polls the demo server, which reads the sandbox's outboxes (addresses
// masked). Labels come from the panel's data attributes, in the page's language.
//
// The panel's top bar shows the newest code on every screen size (its one live region). On a
// phone the panel is that bar alone, sticky at the top of the page; "Details" opens the rest.
const panel = document.querySelector('[data-phone-panel]');
const smsScreen = document.querySelector('[data-phone]');
const mailScreen = document.querySelector('[data-mail]');
const latestCode = document.querySelector('[data-latest-code]');
const waiting = document.querySelector('[data-waiting]');
const toggle = document.querySelector('[data-phone-toggle]');
const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'tr-TR';
let shownSms = '';
let shownMail = '';

function line(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

const timeOf = (iso) => new Date(iso).toLocaleTimeString(locale);

function renderSms(sms) {
  const key = `${sms.sentAt}|${sms.code}`;
  if (!sms.code || key === shownSms) return;
  shownSms = key;
  latestCode.querySelector('[data-code]').textContent = sms.code;
  latestCode.hidden = false;
  waiting.hidden = true;
  smsScreen.replaceChildren(line('phone-from', `InsurUp → ${sms.to}`), line('phone-text', sms.text), line('phone-time', timeOf(sms.sentAt)));
}

function renderMail(messages) {
  const key = messages.map((m) => m.sentAt).join('|');
  if (!messages.length || key === shownMail) return;
  shownMail = key;
  const items = messages.map((mail) => {
    const item = document.createElement('article');
    item.className = 'mail';
    item.dataset.mail = '';
    const subject = document.createElement('h4');
    subject.className = 'mail-subject';
    subject.textContent = mail.subject;
    item.append(subject, line('phone-from', `${panel?.dataset.mailTo ?? ''} ${mail.to}`), line('phone-text', mail.text));
    if (mail.attachment?.url) {
      const link = document.createElement('a');
      link.href = mail.attachment.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = (panel?.dataset.attachment ?? '{filename}').replace('{filename}', mail.attachment.filename);
      const p = document.createElement('p');
      p.append(link);
      item.append(p);
    }
    item.append(line('phone-time', timeOf(mail.sentAt)));
    return item;
  });
  mailScreen.replaceChildren(...items);
}

async function poll() {
  try {
    const [sms, mail] = await Promise.all([
      fetch('/demo/sms', { cache: 'no-store' }),
      mailScreen ? fetch('/demo/mail', { cache: 'no-store' }) : null,
    ]);
    if (sms.ok) renderSms(await sms.json());
    if (mail?.ok) renderMail((await mail.json()).messages ?? []);
  } catch {
    // the demo server is restarting: try again shortly
  }
  setTimeout(poll, 1500);
}

/** The focused element, inside the widget's shadow roots too. */
function deepActiveElement() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * On a phone the bar is sticky at the top of the page. A focused field (with its label) or
 * heading the bar would cover is moved into view below it: focus() scrolls only when the
 * element is off screen, not when a sticky bar hides it.
 */
function keepFocusBelowBar() {
  if (!panel || getComputedStyle(panel).position !== 'sticky') return;
  const active = deepActiveElement();
  if (!active || active === document.body || panel.contains(active)) return;
  const target = active.closest('[part~="field"]') ?? active;
  const below = panel.getBoundingClientRect().bottom + 8;
  const { top } = target.getBoundingClientRect();
  if (top < below) window.scrollBy({ top: top - below });
}
document.addEventListener('focusin', () => requestAnimationFrame(keepFocusBelowBar));

toggle?.addEventListener('click', () => {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  panel.dataset.expanded = String(open);
});

if (smsScreen) poll();
