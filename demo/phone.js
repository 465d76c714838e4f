// The simulated phone beside the demo: the latest SMS and the latest e-mails the sandbox
// "sent", so a visitor can log in and get the policy without a real phone or mailbox. Polls
// the demo server, which reads the sandbox's outboxes (addresses masked). Labels come from the
// panel's data attributes, in the page's language.
const panel = document.querySelector('[data-phone-panel]');
const smsScreen = document.querySelector('[data-phone]');
const mailScreen = document.querySelector('[data-mail]');
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
  const code = document.createElement('p');
  code.className = 'phone-code';
  const label = document.createElement('span');
  label.textContent = `${panel?.dataset.codeLabel ?? ''} `;
  const value = document.createElement('strong');
  value.textContent = sms.code;
  value.dataset.code = '';
  code.append(label, value);
  smsScreen.replaceChildren(line('phone-from', `InsurUp → ${sms.to}`), line('phone-text', sms.text), code, line('phone-time', timeOf(sms.sentAt)));
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

if (smsScreen) poll();
