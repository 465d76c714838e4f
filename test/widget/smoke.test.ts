import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';

class SmokeEl extends LitElement {
  override render() {
    return html`<label>Ad <input name="x" /></label>`;
  }
}
customElements.define('smoke-el', SmokeEl);

it('mounts an element and passes axe', async () => {
  const el = await fixture(html`<smoke-el></smoke-el>`);
  await expect(el).to.be.accessible();
});
