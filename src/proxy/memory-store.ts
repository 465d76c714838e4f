/** The default rate-limit store: fixed windows in a Map, for a single proxy instance. */
import type { RateLimitStore, StoreHit } from './rate-limit.js';

interface Window {
  count: number;
  resetAt: number;
}

const SWEEP_EVERY = 1024;

export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, Window>();
  let hitsSinceSweep = 0;

  // No timers (edge runtimes and clean Node exits): expired windows go on a later hit.
  const sweep = (at: number) => {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
  };

  return {
    async hit(key: string, windowMs: number): Promise<StoreHit> {
      const at = now();
      if (++hitsSinceSweep >= SWEEP_EVERY) {
        hitsSinceSweep = 0;
        sweep(at);
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= at) {
        window = { count: 0, resetAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.resetAt - at };
    },
  };
}
