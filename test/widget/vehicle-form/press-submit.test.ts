/**
 * Pressing a form's submit button right after typing a wrong value: the press must submit. The
 * field's error used to appear on the blur of the press, push the button down under the
 * pointer and lose the click, so the first tap on "Aracımı bul" only showed that one error and
 * left focus on the button. Real mouse presses (sendMouse), at a phone's 360 px.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { byLabel, byRole, deepActiveElement } from '../core/dom.js';
import { freshPage } from '../core/stack.js';
import { mountLoggedIn } from './support.js';

async function press(button: HTMLElement): Promise<void> {
  button.scrollIntoView({ block: 'center' });
  const box = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('vehicle form: pressing Find right after a wrong serial', () => {
  before(() => setViewport({ width: 360, height: 740 }));
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await freshPage();
  });
  beforeEach(() => freshPage());

  it('submits: every error shows and focus goes to the first wrong field', async () => {
    const { root } = await mountLoggedIn();
    byLabel(root, 'Plaka').focus();
    await sendKeys({ type: '99 Q 1' });
    byLabel(root, 'Ruhsat seri numarası').focus();
    await sendKeys({ type: 'JH89617' });

    await press(byRole(root, 'button', 'Aracımı bul'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(deepActiveElement()?.id, 'focus on the first wrong field').to.equal('plate');
    expect(root.querySelector('#plate-error')?.textContent).to.contain('Geçerli bir plaka girin');
    expect(root.querySelector('#serial-error')?.textContent).to.contain('Ruhsat seri numarası');
  });
});
