/**
 * The searchable list (src/widget/elements/shared/searchable-select.ts) on its own, in a tiny
 * host element: filtering with Turkish case and accents, the keyboard, the announced count,
 * the kept selection, and the pending / error states.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { elementStyles } from '../../../src/widget/styles/shared.js';
import {
  filterOptions,
  foldForSearch,
  SearchableSelect,
  searchableSelectStyles,
  type SearchableStatus,
} from '../../../src/widget/elements/shared/searchable-select.js';
import { byLabel, deepActiveElement, press, queryByRole, visibleText } from '../core/dom.js';
import { sendText } from './form-helpers.js';

const CITIES = [
  { value: '1', text: 'Adana' },
  { value: '6', text: 'Ankara' },
  { value: '34', text: 'İstanbul' },
  { value: '35', text: 'İzmir' },
  { value: '63', text: 'Şanlıurfa' },
  { value: '21', text: 'Diyarbakır' },
  { value: '10', text: 'Balıkesir' },
];

class TestSearchable extends LitElement {
  static override styles = [...elementStyles, searchableSelectStyles];
  value = '';
  status: SearchableStatus | undefined;
  changes: string[] = [];
  readonly list = new SearchableSelect(this);

  override render(): TemplateResult {
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      this.dispatchEvent(new Event('submitted'));
    }}>
      ${this.list.render({
        id: 'city',
        name: 'city',
        label: 'İl',
        searchLabel: 'İl ara',
        options: CITIES,
        value: this.value,
        resultCount: (count) => `${count} sonuç`,
        noResults: 'Sonuç bulunamadı',
        status: this.status,
        onChange: (value) => {
          this.value = value;
          this.changes.push(value);
          this.requestUpdate();
        },
      })}
    </form>`;
  }
}
customElements.define('test-searchable', TestSearchable);

async function mount(): Promise<{ el: TestSearchable; root: ShadowRoot; search: HTMLInputElement; list: HTMLSelectElement }> {
  const el = await fixture<TestSearchable>(html`<test-searchable></test-searchable>`);
  const root = el.shadowRoot!;
  return {
    el,
    root,
    search: root.querySelector<HTMLInputElement>('input[type="search"]')!,
    list: byLabel<HTMLSelectElement>(root, 'İl'),
  };
}

const texts = (list: HTMLSelectElement) => [...list.options].map((o) => o.text);

describe('searchable list', () => {
  it('is accessible (axe): a labelled list and a named search box', async () => {
    const { el, search, list } = await mount();
    await expect(el).to.be.accessible();
    expect(search.getAttribute('aria-label')).to.equal('İl ara');
    expect(search.getAttribute('aria-controls')).to.equal(list.id);
    expect(list.size).to.be.greaterThan(1);
  });

  it('folds Turkish case and accents when filtering', () => {
    expect(foldForSearch('İSTANBUL')).to.equal('istanbul');
    expect(foldForSearch('Şanlıurfa')).to.equal('sanliurfa');
    expect(foldForSearch('ÇANKAYA')).to.equal('cankaya');
    expect(filterOptions(CITIES, 'IZMIR', '').visible.map((o) => o.text)).to.deep.equal(['İzmir']);
    expect(filterOptions(CITIES, 'bakir', '').visible.map((o) => o.text)).to.deep.equal(['Diyarbakır']);
    // The selected option stays listed (first) when the filter would hide it.
    const kept = filterOptions(CITIES, 'ank', '63');
    expect(kept.visible.map((o) => o.text)).to.deep.equal(['Şanlıurfa', 'Ankara']);
    expect(kept.matches.map((o) => o.text)).to.deep.equal(['Ankara']);
    expect(filterOptions(CITIES, 'ist', '6').visible.map((o) => o.text)).to.deep.equal(['Ankara', 'İstanbul']);
  });

  it('filters as the user types and announces the number of matches', async () => {
    const { el, root, search, list } = await mount();
    search.focus();
    await sendText('an');
    await el.updateComplete;
    expect(texts(list)).to.deep.equal(['Adana', 'Ankara', 'İstanbul', 'Şanlıurfa']);
    const count = root.querySelector('[part="result-count"]')!;
    expect(count.getAttribute('aria-live')).to.equal('polite');
    expect(count.textContent!.trim()).to.equal('4 sonuç');
    await sendText('xyz');
    await el.updateComplete;
    expect(texts(list)).to.deep.equal([]);
    expect(count.textContent!.trim()).to.equal('Sonuç bulunamadı');
    // Escape clears the filter.
    await press('Escape');
    await el.updateComplete;
    expect(search.value).to.equal('');
    expect(texts(list)).to.have.length(CITIES.length);
  });

  it('Enter picks the only match and never submits the form', async () => {
    const { el, search, list } = await mount();
    let submitted = 0;
    el.addEventListener('submitted', () => submitted++);
    search.focus();
    await sendText('istan');
    await press('Enter');
    await el.updateComplete;
    expect(el.changes).to.deep.equal(['34']);
    expect(list.value).to.equal('34');
    expect(deepActiveElement()).to.equal(list);
    expect(submitted).to.equal(0);
  });

  it('Enter with several matches moves into the list, where the arrows choose', async () => {
    const { el, search, list } = await mount();
    search.focus();
    await sendText('an');
    await press('Enter');
    expect(el.changes).to.deep.equal([]);
    expect(deepActiveElement()).to.equal(list);
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.changes).to.deep.equal(['1']);
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.value).to.equal('6');
    expect(list.selectedOptions[0]!.text).to.equal('Ankara');
    // ArrowDown from the search box also goes to the list.
    search.focus();
    await press('ArrowDown');
    expect(deepActiveElement()).to.equal(list);
  });

  it('keeps the choice visible and selected while another filter is typed', async () => {
    const { el, search, list } = await mount();
    list.value = '35';
    list.dispatchEvent(new Event('change'));
    await el.updateComplete;
    search.focus();
    await sendText('ank');
    await el.updateComplete;
    expect(texts(list)).to.deep.equal(['İzmir', 'Ankara']);
    expect(list.selectedOptions[0]!.text).to.equal('İzmir');
  });

  it('centres each row’s text vertically, the chosen row too, in a row of about one touch target', async () => {
    const { el, list } = await mount();
    list.value = '6';
    list.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const em = parseFloat(getComputedStyle(list).fontSize);
    for (const option of [list.selectedOptions[0]!, list.options[2]!]) {
      // A listbox row has no measurable text box: the row is its padding around one line of
      // text, equal above and below, with no empty space left under the text (which put the
      // text at the top of the chosen row's band).
      const row = option.getBoundingClientRect();
      const style = getComputedStyle(option);
      const above = parseFloat(style.paddingTop);
      const below = parseFloat(style.paddingBottom);
      expect(above, `${option.text}: padding above and below`).to.be.closeTo(below, 0.5);
      // Chromium keeps a listbox option's line height 'normal' (about 1.2em).
      expect((row.height - above - below) / em, `${option.text}: room between the paddings, in em (one line of text)`).to.be.within(1, 1.4);
      expect(row.height / em, `${option.text}: row height in em`).to.be.within(2.75, 3.25);
    }
  });

  it('shows its loading state and its error with a Retry', async () => {
    const { el, root } = await mount();
    el.status = { kind: 'pending', label: 'İller yükleniyor…' };
    el.requestUpdate();
    await el.updateComplete;
    expect(queryByRole(root, 'status', 'İller yükleniyor…')).to.exist;
    expect(root.querySelector('select')).to.equal(null);
    let retried = 0;
    el.status = { kind: 'error', message: 'Liste getirilemedi.', retryLabel: 'Tekrar dene', onRetry: () => retried++ };
    el.requestUpdate();
    await el.updateComplete;
    const alert = queryByRole(root, 'alert', 'Liste getirilemedi.')!;
    expect(visibleText(root)).to.include('İl');
    alert.querySelector('button')!.click();
    expect(retried).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
