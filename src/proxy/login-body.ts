/**
 * login-or-register: the rate-limit subject of the phone an SMS goes to, read from the body as
 * the contract parsed it (the very body forwarded). Spellings of one number count as one:
 * leading zeros (the trunk prefix) and a repeated country code are dropped.
 */
export interface PhoneSubject {
  /** `90:5321234567`, the subject of the per-phone limit (SMS pumping). */
  subject: string;
  /** The national number, for the masked log field. */
  national: string;
}

export function phoneSubject(phone: { number: string; countryCode: number }): PhoneSubject {
  const code = String(phone.countryCode);
  let national = phone.number.replace(/^0+/, '');
  if (national.length > 10 && national.startsWith(code)) national = national.slice(code.length).replace(/^0+/, '');
  return { subject: `${code}:${national}`, national };
}
