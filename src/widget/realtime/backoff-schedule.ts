/**
 * The polling fallback's rhythm: every `baseMs` while quotes keep changing, slower by `factor`
 * after each poll that brought nothing new (or failed), never slower than `maxMs`.
 */
export interface PollTiming {
  baseMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_POLL_TIMING: PollTiming = { baseMs: 3_000, maxMs: 15_000, factor: 1.5 };

export function nextPollDelay(previousMs: number | null, timing: PollTiming, somethingChanged: boolean): number {
  if (previousMs === null || somethingChanged) return timing.baseMs;
  return Math.min(timing.maxMs, Math.max(timing.baseMs, Math.round(previousMs * timing.factor)));
}
