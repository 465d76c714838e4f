/** login-or-register: the agency's Agent ID replaces whatever the client sent. */
export interface LoginBody {
  body: string;
  /** `90:5321234567`, the rate-limit subject for SMS pumping; undefined when the body has no phone. */
  phone?: string;
  /** The national number, for the masked log field. */
  phoneNumber?: string;
}

export function prepareLoginBody(parsed: Record<string, unknown>, agentId: string): LoginBody {
  // Spreading keeps `$type` first, which InsurUp's polymorphic parser needs.
  const body = JSON.stringify({ ...parsed, agentId });
  const phone = parsed.phoneNumber as { number?: unknown; countryCode?: unknown } | null | undefined;
  if (phone && typeof phone === 'object' && (typeof phone.number === 'string' || typeof phone.number === 'number')) {
    const number = String(phone.number).replace(/\D+/g, '');
    return { body, phone: `${String(phone.countryCode ?? '')}:${number}`, phoneNumber: number };
  }
  return { body };
}
