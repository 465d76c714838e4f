/**
 * Refresh coalescing. InsurUp rotates refresh tokens and treats a second use of an old one as
 * reuse. Two tabs of one customer share the cookie and may refresh at the same moment, so
 * every refresh of one cookie within the reuse interval gets the outcome of the first: one
 * upstream call, both tabs succeed, both receive the rotated cookie. After the interval the
 * old cookie goes upstream again and fails there, as a stolen, replayed one should.
 */
export interface RefreshTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
}

/** What a refresh ended with: new tokens, or an answer to pass on unchanged. */
export type RefreshOutcome =
  | { ok: true; tokens: RefreshTokens }
  | { ok: false; response: () => Response; clearCookie: boolean };

interface Entry {
  outcome: Promise<RefreshOutcome>;
  /** Set once a successful outcome is known; the entry lives until settledAt + interval. */
  settledAt?: number;
}

export class RefreshCoalescer {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reuseIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  run(cookie: string, refresh: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> {
    this.sweep();
    const existing = this.entries.get(cookie);
    if (existing) return existing.outcome;
    const entry: Entry = { outcome: refresh() };
    this.entries.set(cookie, entry);
    entry.outcome.then(
      (outcome) => {
        // Failures are shared with the calls already waiting, not kept for later ones.
        if (outcome.ok) entry.settledAt = this.now();
        else this.entries.delete(cookie);
      },
      () => this.entries.delete(cookie),
    );
    return entry.outcome;
  }

  /** Logout: a cleared cookie must not be answered from the cache any more. */
  forget(cookie: string): void {
    this.entries.delete(cookie);
  }

  private sweep(): void {
    const at = this.now();
    for (const [cookie, entry] of this.entries) {
      if (entry.settledAt !== undefined && entry.settledAt + this.reuseIntervalMs <= at) this.entries.delete(cookie);
    }
  }
}
