/** Bytes backed by a plain ArrayBuffer (what BodyInit accepts). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Reads a request body with a hard size limit, so an oversized or endless body is cut off early. */
export type BodyRead = { ok: true; bytes: Bytes } | { ok: false; reason: 'too-large' | 'unreadable' };

export async function readLimitedBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The body as a JSON object, or undefined when it is empty, not JSON, or not an object. */
export function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  if (!bytes.byteLength) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
