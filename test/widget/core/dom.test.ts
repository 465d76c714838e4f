/**
 * The tests' own helpers find controls the way a person does: by the whole label they read.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { byLabel } from './dom.js';

describe('byLabel', () => {
  it('finds the control whose label reads exactly the text, not one that only contains it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <label for="year">Model yılı</label><select id="year" name="year"></select>
      <label for="model">  Model </label><select id="model" name="model"></select>
      <label><input type="checkbox" name="kvkk" /> KVKK Aydınlatma Metni'ni okudum</label>
    </form>`);
    expect(byLabel(form, 'Model').id).to.equal('model');
    expect(byLabel(form, 'Model yılı').id).to.equal('year');
    // A RegExp matches part of a label.
    expect(byLabel(form, /yılı/).id).to.equal('year');
    expect(byLabel(form, /KVKK/).name).to.equal('kvkk');
    expect(() => byLabel(form, 'KVKK')).to.throw(/no label KVKK/);
  });
});
