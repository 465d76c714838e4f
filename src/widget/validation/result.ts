/**
 * Every validator answers `null` when the value is valid, or a message key from the i18n
 * tables (`validation.*`) when it is not, so the UI can show a localized message.
 */
export type ValidationKey =
  | 'required'
  | 'tckn'
  | 'vkn'
  | 'ykn'
  | 'plate'
  | 'serial'
  | 'uavt'
  | 'phone'
  | 'cardNumber'
  | 'cardExpiry'
  | 'cardExpired'
  | 'cvc'
  | 'email'
  | 'birthDate'
  | 'range'
  | 'integer'
  | 'decimal'
  | 'holderName';

export type ValidationResult = ValidationKey | null;

/** Keeps only the digits of a typed value ("532 123 45 67" → "5321234567"). */
export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}
