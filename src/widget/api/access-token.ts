/** The access token, in memory only, with its expiry. */
export class AccessToken {
  value: string | null = null;
  private expiresAt: number | null = null;
  private lifetimeMs: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly marginMs: number,
  ) {}

  set(value: string, expiresInSeconds?: number): void {
    this.value = value;
    this.lifetimeMs = expiresInSeconds === undefined ? null : expiresInSeconds * 1000;
    this.expiresAt = this.lifetimeMs === null ? null : this.now() + this.lifetimeMs;
  }

  clear(): void {
    this.value = null;
    this.expiresAt = null;
    this.lifetimeMs = null;
  }

  /**
   * Within the refresh margin of expiry (or past it). The margin is at most half the token's
   * lifetime, so a short-lived token (a test's 2 s) is not "about to expire" the moment it
   * arrives. Unknown expiry never "expires soon" (a 401 then triggers the refresh).
   */
  expiresSoon(): boolean {
    if (this.expiresAt === null || this.lifetimeMs === null) return false;
    const margin = Math.min(this.marginMs, this.lifetimeMs / 2);
    return this.now() >= this.expiresAt - margin;
  }

  expired(): boolean {
    return this.expiresAt !== null && this.now() >= this.expiresAt;
  }
}
