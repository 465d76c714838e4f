/**
 * Login-or-register and the SMS code. The checks are InsurUp's: identity checksums, Turkish
 * mobiles only, a birth date for a first registration, five wrong codes burn the MFA token.
 */
import type { LoginOrRegisterRequest } from '../../contract/auth.js';
import type { CustomerType } from '../../contract/customers.js';
import { isValidTckn, isValidVkn, isValidYkn } from '../../widget/validation/index.js';
import { personFor, companyTitleFor } from '../catalog/people.js';
import { businessRule, fieldError, inputValidation } from '../errors.js';
import { maskPhone } from '../masking.js';
import { uniqueIsoNow } from '../clock.js';
import { randomGuid, randomOtp, randomToken } from '../random.js';
import type { CustomerRecord, MfaChallenge, SandboxStore } from '../store.js';
import type { TokenPair, TokenService } from './tokens.js';
import type { ValidationError } from '../../contract/problems.js';

const MFA_TTL_S = 180;
const MFA_MAX_WRONG = 5;

const CUSTOMER_TYPES: Record<LoginOrRegisterRequest['$type'], CustomerType> = {
  individual: 'INDIVIDUAL',
  company: 'COMPANY',
  foreign: 'FOREIGN',
};

export interface AuthDeps {
  store: SandboxStore;
  tokens: TokenService;
  seed: number;
  otp: string | undefined;
  log: (line: string) => void;
}

/** `YYYY-MM-DD` that is a real calendar date. */
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

/** The identity as the digits InsurUp keys customers by, after its checksum. */
function checkIdentity(body: LoginOrRegisterRequest, errors: ValidationError[]): string {
  if (body.$type === 'company') {
    const vkn = String(body.taxNumber).padStart(10, '0');
    if (!isValidVkn(vkn)) errors.push(fieldError(['taxNumber'], 'Vergi kimlik numarası geçersiz.', body.taxNumber));
    return vkn;
  }
  const id = String(body.identityNumber);
  if (body.$type === 'foreign') {
    if (!isValidYkn(id)) {
      errors.push(fieldError(['identityNumber'], 'Yabancı kimlik numarası geçersiz (99 ile başlayan 11 hane).', body.identityNumber));
    }
  } else if (!isValidTckn(id)) {
    errors.push(fieldError(['identityNumber'], 'T.C. kimlik numarası geçersiz.', body.identityNumber));
  } else if (id.startsWith('99')) {
    errors.push(fieldError(['identityNumber'], "99 ile başlayan numaralar yabancı kimlik numarasıdır; 'foreign' türüyle gönderin.", body.identityNumber));
  }
  return id;
}

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  loginOrRegister(body: LoginOrRegisterRequest): { token: string; message: string } {
    const { store } = this.deps;
    const errors: ValidationError[] = [];
    const identity = checkIdentity(body, errors);
    if (body.phoneNumber.countryCode !== 90) {
      errors.push(fieldError(['phoneNumber', 'countryCode'], 'Yalnızca Türkiye (+90) cep telefonları kabul edilir.', body.phoneNumber.countryCode));
    }
    if (!/^5\d{9}$/.test(body.phoneNumber.number)) {
      errors.push(fieldError(['phoneNumber', 'number'], 'Cep telefonu 5 ile başlayan 10 haneli olmalıdır (başında 0 olmadan).', body.phoneNumber.number));
    }
    if (body.birthDate && !isCalendarDate(body.birthDate)) {
      errors.push(fieldError(['birthDate'], 'Doğum tarihi geçerli bir tarih değil.', body.birthDate));
    }
    if (errors.length) throw inputValidation(errors);

    const type = CUSTOMER_TYPES[body.$type];
    const key = `${type}:${identity}`;
    const existingId = store.customersByIdentity.get(key);
    let customer: CustomerRecord;
    if (existingId) {
      customer = store.customers.get(existingId)!;
      if (customer.phone.number !== body.phoneNumber.number) {
        throw businessRule(
          'Bu kimlik numarası farklı bir cep telefonu numarasıyla kayıtlı. Kayıtlı numaranızla giriş yapın.',
          'PHONE_NUMBER_MISMATCH',
        );
      }
      customer.agentId = body.agentId;
      customer.agentBranchId = body.agentBranchId ?? null;
    } else {
      customer = this.register(body, type, identity);
    }
    return this.sendCode(customer);
  }

  private register(body: LoginOrRegisterRequest, type: CustomerType, identity: string): CustomerRecord {
    const { store, seed } = this.deps;
    let birthDate: string | null = null;
    if (type !== 'COMPANY') {
      if (!body.birthDate) {
        throw businessRule('İlk kayıt için doğum tarihi gereklidir.', 'BIRTH_DATE_REQUIRED');
      }
      const now = new Date();
      if (new Date(`${body.birthDate}T00:00:00Z`) > now) {
        throw businessRule('Doğum tarihi gelecekte olamaz.', 'BIRTH_DATE_INVALID');
      }
      const age = ageOn(body.birthDate, now);
      if (age < 18) throw businessRule('18 yaşından küçükler kayıt olamaz.', 'CUSTOMER_UNDERAGE');
      if (age > 120) throw businessRule('Doğum tarihi geçerli değil.', 'BIRTH_DATE_INVALID');
      birthDate = body.birthDate;
    }
    const person = personFor(seed, identity);
    const title = type === 'COMPANY' ? companyTitleFor(seed, identity) : null;
    const customer: CustomerRecord = {
      id: randomGuid(),
      type,
      identityNumber: type === 'COMPANY' ? null : identity,
      taxNumber: type === 'COMPANY' ? identity : null,
      fullName: title ?? person.fullName,
      title,
      birthDate,
      gender: type === 'COMPANY' ? 'UNKNOWN' : person.gender,
      phone: { countryCode: 90, number: body.phoneNumber.number },
      email: null,
      registeredAgentId: body.agentId,
      agentId: body.agentId,
      agentBranchId: body.agentBranchId ?? null,
      createdAt: uniqueIsoNow(),
    };
    store.customers.set(customer.id, customer);
    store.customersByIdentity.set(`${type}:${identity}`, customer.id);
    return customer;
  }

  /** A new code invalidates the customer's earlier unused ones, as "send again" does. */
  private sendCode(customer: CustomerRecord): { token: string; message: string } {
    const { store, log } = this.deps;
    for (const challenge of store.mfa.values()) {
      if (challenge.customerId === customer.id && challenge.state === 'pending') challenge.state = 'used';
    }
    const challenge: MfaChallenge = {
      token: randomToken(32),
      customerId: customer.id,
      code: this.deps.otp ?? randomOtp(),
      wrongAttempts: 0,
      expiresAt: Date.now() + MFA_TTL_S * 1000,
      state: 'pending',
    };
    store.mfa.set(challenge.token, challenge);
    const text = `InsurUp doğrulama kodunuz: ${challenge.code}. Kod ${MFA_TTL_S / 60} dakika geçerlidir; kimseyle paylaşmayın.`;
    store.sms.unshift({
      phone: customer.phone.number,
      countryCode: customer.phone.countryCode,
      code: challenge.code,
      text,
      sentAt: new Date().toISOString(),
    });
    store.sms.splice(500);
    log(`[sms] +90 ${maskPhone(customer.phone.number)} ← ${challenge.code}`);
    return { token: challenge.token, message: `Doğrulama kodu ${maskPhone(customer.phone.number)} numaralı telefona gönderildi.` };
  }

  async verifyMfa(token: string, code: string): Promise<TokenPair> {
    const challenge = this.deps.store.mfa.get(token);
    if (!challenge) {
      throw businessRule('Doğrulama oturumu bulunamadı; yeniden kod isteyin.', 'MFA_TOKEN_INVALID');
    }
    if (challenge.state === 'burned') {
      throw businessRule('Çok fazla hatalı deneme yapıldı; yeniden kod isteyin.', 'MFA_TOKEN_EXPIRED', 'MFA_TOO_MANY_ATTEMPTS');
    }
    if (challenge.state === 'used' || challenge.expiresAt <= Date.now()) {
      throw businessRule('Doğrulama kodunun süresi doldu; yeniden kod isteyin.', 'MFA_TOKEN_EXPIRED');
    }
    if (challenge.code !== code) {
      challenge.wrongAttempts += 1;
      const left = MFA_MAX_WRONG - challenge.wrongAttempts;
      if (left <= 0) {
        challenge.state = 'burned';
        throw businessRule('Doğrulama kodu hatalı. Deneme hakkınız doldu; yeniden kod isteyin.', 'MFA_CODE_INVALID', 'MFA_TOO_MANY_ATTEMPTS');
      }
      throw businessRule(`Doğrulama kodu hatalı. Kalan deneme hakkı: ${left}.`, 'MFA_CODE_INVALID');
    }
    challenge.state = 'used';
    return this.deps.tokens.startFamily(challenge.customerId);
  }
}
