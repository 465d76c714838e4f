// The simulated phone beside the demo: shows the latest SMS the sandbox "sent", so a visitor
// can log in without a real phone. Polls the demo server, which reads the sandbox's outbox.
const screen = document.querySelector('[data-phone]');
let shown = '';

function render(sms) {
  const key = `${sms.sentAt}|${sms.code}`;
  if (!sms.code || key === shown) return;
  shown = key;
  screen.replaceChildren();
  const from = document.createElement('p');
  from.className = 'phone-from';
  from.textContent = `InsurUp → ${sms.to}`;
  const text = document.createElement('p');
  text.className = 'phone-text';
  text.textContent = sms.text;
  const code = document.createElement('p');
  code.className = 'phone-code';
  const label = document.createElement('span');
  label.textContent = 'Son SMS kodu: ';
  const value = document.createElement('strong');
  value.textContent = sms.code;
  value.dataset.code = '';
  code.append(label, value);
  const time = document.createElement('p');
  time.className = 'phone-time';
  time.textContent = new Date(sms.sentAt).toLocaleTimeString('tr-TR');
  screen.append(from, text, code, time);
}

async function poll() {
  try {
    const response = await fetch('/demo/sms', { cache: 'no-store' });
    if (response.ok) render(await response.json());
  } catch {
    // the demo server is restarting: try again shortly
  }
  setTimeout(poll, 1500);
}

if (screen) poll();
