/** HMAC-SHA-256 with a per-sandbox secret (Web Crypto): access tokens and document links. */
import { base64Url, fromBase64Url } from '../random.js';

export class Signer {
  private readonly key: Promise<CryptoKey>;

  constructor(secret: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(32))) {
    this.key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async sign(text: string): Promise<string> {
    const signature = await crypto.subtle.sign('HMAC', await this.key, new TextEncoder().encode(text));
    return base64Url(new Uint8Array(signature));
  }

  async verify(text: string, signature: string): Promise<boolean> {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = fromBase64Url(signature);
    } catch {
      return false;
    }
    return crypto.subtle.verify('HMAC', await this.key, bytes, new TextEncoder().encode(text));
  }
}

export function encodeJson(value: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)));
}

export function decodeJson(text: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  } catch {
    return undefined;
  }
}
