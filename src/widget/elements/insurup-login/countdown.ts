/**
 * The resend countdown: seconds until a new code may be asked for. Ticks once a second only
 * while counting, and stops when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Countdown implements ReactiveController {
  private endsAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly now: () => number = () => Date.now(),
  ) {
    host.addController(this);
  }

  /** Whole seconds left, 0 when done. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.endsAt - this.now()) / 1000));
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  start(seconds: number): void {
    this.endsAt = this.now() + Math.max(0, seconds) * 1000;
    this.tick();
  }

  stop(): void {
    this.endsAt = 0;
    this.clear();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.running) this.tick();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private tick(): void {
    this.clear();
    this.host.requestUpdate();
    if (!this.running) return;
    this.timer = setInterval(() => {
      this.host.requestUpdate();
      if (!this.running) this.clear();
    }, 250);
  }

  private clear(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
