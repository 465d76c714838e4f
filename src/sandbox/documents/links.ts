/**
 * Document links: absolute, signed and short-lived, on the sandbox's own origin, opening
 * without a token (a browser opens them in a new tab), like a signed storage URL.
 */
import type { Signer } from '../services/signing.js';
import { decodeJson, encodeJson } from '../services/signing.js';

export type DocumentRef =
  | { kind: 'offer'; productId: string }
  | { kind: 'information-form'; productId: string }
  | { kind: 'compare'; productIds: string[] }
  | { kind: 'policy'; policyId: string };

const DOCUMENT_LINK_TTL_S = 300;
const DOCUMENTS_PATH = '/documents/';

export async function documentUrl(signer: Signer, origin: string, ref: DocumentRef, ttlS = DOCUMENT_LINK_TTL_S): Promise<string> {
  const payload = encodeJson({ ...ref, exp: Math.floor(Date.now() / 1000) + ttlS });
  return `${origin}${DOCUMENTS_PATH}${payload}.${await signer.sign(payload)}`;
}

export async function readDocumentToken(signer: Signer, token: string): Promise<DocumentRef | 'invalid' | 'expired'> {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length || !(await signer.verify(payload, signature))) return 'invalid';
  const data = decodeJson(payload) as (DocumentRef & { exp: number }) | undefined;
  if (!data || typeof data.exp !== 'number') return 'invalid';
  if (data.exp * 1000 <= Date.now()) return 'expired';
  const { exp: _exp, ...ref } = data;
  return ref as DocumentRef;
}
