/** Every timer the sandbox starts, so `close()` can stop them all and tests exit cleanly. */
export class TimerSet {
  private readonly timeouts = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();
  private readonly waiters = new Set<() => void>();
  private closed = false;

  after(ms: number, run: () => void): void {
    if (this.closed) return;
    const handle = setTimeout(() => {
      this.timeouts.delete(handle);
      run();
    }, ms);
    this.timeouts.add(handle);
  }

  every(ms: number, run: () => void): () => void {
    if (this.closed) return () => {};
    const handle = setInterval(run, ms);
    this.intervals.add(handle);
    return () => {
      clearInterval(handle);
      this.intervals.delete(handle);
    };
  }

  /** Resolves after `ms`, or at once when the sandbox closes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || ms <= 0) return resolve();
      const handle = setTimeout(() => {
        this.timeouts.delete(handle);
        this.waiters.delete(resolve);
        resolve();
      }, ms);
      this.timeouts.add(handle);
      this.waiters.add(resolve);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    for (const handle of this.timeouts) clearTimeout(handle);
    for (const handle of this.intervals) clearInterval(handle);
    this.timeouts.clear();
    this.intervals.clear();
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
