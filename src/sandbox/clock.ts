/**
 * Creation times that never repeat: two records made in the same millisecond still sort in
 * the order they were made (GraphQL's `order: [{ createdAt: DESC }]` depends on it).
 */
let last = 0;

export function uniqueNow(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}

export function uniqueIsoNow(): string {
  return new Date(uniqueNow()).toISOString();
}
