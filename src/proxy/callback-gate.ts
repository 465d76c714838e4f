/**
 * Purchase: the payment page sends the customer back to `callbackUrl`. Only the agency's own
 * origins are accepted, so nobody can turn a real payment into a redirect to a phishing page.
 * It reads the body as the contract parsed it, which is the body forwarded (contract-body.ts).
 */
export type CallbackCheck = { ok: true } | { ok: false; detail: string };

export function checkCallbackUrl(body: { callbackUrl?: unknown }, callbackOrigins: ReadonlySet<string>): CallbackCheck {
  const value = body.callbackUrl;
  if (typeof value !== 'string') return { ok: false, detail: 'callbackUrl is required' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, detail: 'callbackUrl is not an absolute URL' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    return { ok: false, detail: 'callbackUrl must be a plain http(s) URL' };
  }
  if (!callbackOrigins.has(url.origin)) {
    return { ok: false, detail: "callbackUrl must be on one of the agency's own origins" };
  }
  return { ok: true };
}
