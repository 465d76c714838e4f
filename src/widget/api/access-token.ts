/** The access token, in memory only, with its expiry. */
export class AccessToken {
  value: string | null = null;
  private expiresAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly marginMs: number,
  ) {}

  set(value: string, expiresInSeconds?: number): void {
    this.value = value;
    this.expiresAt = expiresInSeconds === undefined ? null : this.now() + expiresInSeconds * 1000;
  }

  clear(): void {
    this.value = null;
    this.expiresAt = null;
  }

  /** Within the refresh margin of expiry (or past it). Unknown expiry never "expires soon". */
  expiresSoon(): boolean {
    return this.expiresAt !== null && this.now() >= this.expiresAt - this.marginMs;
  }

  expired(): boolean {
    return this.expiresAt !== null && this.now() >= this.expiresAt;
  }
}
