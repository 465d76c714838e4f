/**
 * `insurup-purchase-complete` is a conversion for the agency's analytics, so it must fire once
 * per policy: not again on a re-render, a reload of the return page, or a second
 * `<insurup-policy>` on the page. The policy ids already reported are kept for the tab's
 * lifetime in sessionStorage (ids only; the FlowSession stores the same id), or in memory
 * when storage is blocked.
 */
const KEY = 'insurup:v1:reported-purchases';
const MAX_REMEMBERED = 50;
const inMemory = new Set<string>();

function read(): string[] | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return null;
  }
}

/** Records the policy as reported; answers true only the first time for this tab. */
export function claimPurchaseReport(policyId: string): boolean {
  const stored = read();
  if (stored === null) {
    if (inMemory.has(policyId)) return false;
    inMemory.add(policyId);
    return true;
  }
  if (stored.includes(policyId)) return false;
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...stored, policyId].slice(-MAX_REMEMBERED)));
  } catch {
    if (inMemory.has(policyId)) return false;
    inMemory.add(policyId);
  }
  return true;
}
