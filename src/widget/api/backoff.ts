/** Exponential backoff with full jitter: attempt 0 → up to base, 1 → up to 2×base, ... */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const cap = baseMs * 2 ** attempt;
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Waits, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
