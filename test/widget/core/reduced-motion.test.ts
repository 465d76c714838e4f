/**
 * Motion for people who asked for less (prefers-reduced-motion): the busy indicator every
 * element shows while it loads (one on each waiting quote card) stops turning and only fades.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { elementStyles } from '../../../src/widget/styles/shared.js';
import { renderPending } from '../../../src/widget/elements/shared/status.js';

class PendingProbe extends LitElement {
  static override styles = elementStyles;
  override render() {
    return renderPending('Yükleniyor…');
  }
}
customElements.define('a11y-pending-probe', PendingProbe);

/** What the spinner's running animations change: 'transform' (turning), 'opacity' (fading). */
async function animatedProperties(): Promise<string[]> {
  const probe = await fixture<PendingProbe>(html`<a11y-pending-probe></a11y-pending-probe>`);
  const spinner = probe.shadowRoot!.querySelector('.spinner')!;
  return spinner
    .getAnimations()
    .flatMap((animation) => (animation.effect as KeyframeEffect).getKeyframes())
    .flatMap((frame) => Object.keys(frame).filter((key) => !['offset', 'easing', 'composite', 'computedOffset'].includes(key)));
}

describe('busy indicator and prefers-reduced-motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('turns by default', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(await animatedProperties()).to.include('transform');
  });

  it('does not turn, only fades, when the reader asked for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const properties = await animatedProperties();
    expect(properties, 'no turning').to.not.include('transform');
    expect(properties, 'still shows it is busy').to.include('opacity');
  });
});
