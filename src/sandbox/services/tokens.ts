/**
 * Access tokens are HS256 JWTs like InsurUp's (`sub` = customer id, `fam` = the login they
 * belong to, `exp`); refresh tokens are opaque, live 30 days and rotate. Reusing a refresh
 * token that was already rotated revokes its whole family: every access and refresh token of
 * that login stops working (the usual theft response).
 */
import { unauthorized } from '../errors.js';
import { randomGuid, randomToken } from '../random.js';
import type { SandboxStore } from '../store.js';
import { decodeJson, encodeJson, Signer } from './signing.js';

const REFRESH_TOKEN_LIFETIME_S = 30 * 24 * 3600;

export interface Principal {
  customerId: string;
  familyId: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface AccessClaims {
  iss: string;
  sub: string;
  fam: string;
  jti: string;
  iat: number;
  exp: number;
  /** Issue order, so `expireIssuedAccessTokens` can end exactly the tokens issued before it. */
  seq: number;
}

export class TokenService {
  private issuedCount = 0;
  private expiredThrough = 0;

  constructor(
    private readonly store: SandboxStore,
    private readonly signer: Signer,
    private readonly tokenTtl: () => number,
  ) {}

  /** A new login: a new token family and its first pair. */
  async startFamily(customerId: string): Promise<TokenPair> {
    const family = { id: randomGuid(), customerId, revokedAt: null, createdAt: Date.now() };
    this.store.families.set(family.id, family);
    return this.issue(family.id, customerId);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const record = this.store.refreshTokens.get(refreshToken);
    if (!record) throw unauthorized('Oturum yenileme anahtarı geçersiz.', 'REFRESH_TOKEN_INVALID');
    const family = this.store.families.get(record.familyId)!;
    if (family.revokedAt !== null) {
      throw unauthorized('Bu oturum sonlandırıldı; lütfen yeniden giriş yapın.', 'REFRESH_TOKEN_REVOKED');
    }
    if (record.usedAt !== null) {
      // A rotated token came back: someone holds a copy. End the whole login.
      family.revokedAt = Date.now();
      throw unauthorized(
        'Oturum yenileme anahtarı daha önce kullanılmış; güvenliğiniz için oturum sonlandırıldı.',
        'REFRESH_TOKEN_REUSED',
      );
    }
    if (record.expiresAt <= Date.now()) {
      throw unauthorized('Oturumun süresi doldu; lütfen yeniden giriş yapın.', 'REFRESH_TOKEN_EXPIRED');
    }
    record.usedAt = Date.now();
    return this.issue(family.id, family.customerId);
  }

  /**
   * Every access token issued so far expires now, before the `expiresIn` it was given with (as
   * when InsurUp rotates its signing key); refresh tokens stay valid. Lets tests and the demo
   * exercise a client's 401 → refresh → retry path. Answers how many tokens that covered.
   */
  expireIssuedAccessTokens(): number {
    const newlyExpired = this.issuedCount - this.expiredThrough;
    this.expiredThrough = this.issuedCount;
    return newlyExpired;
  }

  /** The principal of a bearer token, or a 401 problem saying why not. */
  async authenticate(authorization: string | null | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match) {
      throw unauthorized('Bu işlem için giriş yapmanız gerekir (Authorization: Bearer başlığı eksik).', 'TOKEN_MISSING');
    }
    return this.verifyAccessToken(match[1]!);
  }

  async verifyAccessToken(token: string): Promise<Principal> {
    const parts = token.split('.');
    if (parts.length !== 3 || !(await this.signer.verify(`${parts[0]}.${parts[1]}`, parts[2]!))) {
      throw unauthorized('Erişim anahtarı geçersiz.', 'TOKEN_INVALID');
    }
    const claims = decodeJson(parts[1]!) as AccessClaims | undefined;
    if (!claims || typeof claims.exp !== 'number') throw unauthorized('Erişim anahtarı geçersiz.', 'TOKEN_INVALID');
    if (claims.exp * 1000 <= Date.now() || !(claims.seq > this.expiredThrough)) {
      throw unauthorized('Erişim anahtarının süresi doldu.', 'TOKEN_EXPIRED');
    }
    const family = this.store.families.get(claims.fam);
    if (!family || family.revokedAt !== null || !this.store.customers.has(claims.sub)) {
      throw unauthorized('Bu oturum sonlandırıldı; lütfen yeniden giriş yapın.', 'TOKEN_REVOKED');
    }
    return { customerId: claims.sub, familyId: claims.fam };
  }

  private async issue(familyId: string, customerId: string): Promise<TokenPair> {
    const ttl = this.tokenTtl();
    const nowMs = Date.now();
    const claims: AccessClaims = {
      iss: 'insurup-sandbox',
      sub: customerId,
      fam: familyId,
      jti: randomGuid(),
      iat: Math.floor(nowMs / 1000),
      // Rounded up: a token never dies before the expiresIn it was announced with.
      exp: Math.ceil((nowMs + ttl * 1000) / 1000),
      seq: ++this.issuedCount,
    };
    const unsigned = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(claims)}`;
    const accessToken = `${unsigned}.${await this.signer.sign(unsigned)}`;
    const refreshToken = randomToken(48);
    this.store.refreshTokens.set(refreshToken, {
      token: refreshToken,
      familyId,
      expiresAt: Date.now() + REFRESH_TOKEN_LIFETIME_S * 1000,
      usedAt: null,
    });
    return { accessToken, refreshToken, expiresIn: ttl };
  }
}
