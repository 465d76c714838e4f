/**
 * One polite live region, fed in batches: quotes that arrive close together are announced as
 * one sentence ("3 yeni teklif geldi.") after a short quiet period instead of one per quote,
 * so a screen reader is not flooded while insurers answer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class BatchedAnnouncer implements ReactiveController {
  /** The live region's text. */
  message = '';
  private newQuotes = 0;
  private notes: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private toggle = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The quiet period (ms) a batch waits for more. */
    private readonly delayMs: () => number,
    /** The sentence for `count` new quotes (count > 0). */
    private readonly describe: (count: number) => string,
  ) {
    host.addController(this);
  }

  /** Some quotes arrived. */
  quotes(count: number): void {
    if (count <= 0) return;
    this.newQuotes += count;
    this.schedule();
  }

  /** A sentence to say with the next batch (e.g. "all quotes are in"). */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
    this.schedule();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs());
  }

  private flush(): void {
    this.timer = undefined;
    const parts = [...(this.newQuotes > 0 ? [this.describe(this.newQuotes)] : []), ...this.notes];
    this.newQuotes = 0;
    this.notes = [];
    if (parts.length === 0) return;
    // Screen readers skip a live region whose text did not change: vary it invisibly.
    this.toggle = !this.toggle;
    this.message = parts.join(' ') + (this.toggle ? '' : '\u00a0');
    this.host.requestUpdate();
  }
}
