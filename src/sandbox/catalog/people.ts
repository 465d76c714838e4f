/** Fictional Turkish people: names for new customers and ready-made test identities. */
import type { Rng } from '../random.js';
import { seededRng } from '../random.js';

const FEMALE = ['Ayşe', 'Fatma', 'Zeynep', 'Elif', 'Merve', 'Büşra', 'Esra', 'Selin', 'Gizem', 'Derya', 'Şule', 'Nur', 'Ebru', 'Gül', 'İpek', 'Özge'];
const MALE = ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'Emre', 'Burak', 'Oğuz', 'Can', 'Serkan', 'Çağrı', 'Murat', 'Umut', 'Tolga'];
const SURNAMES = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Güneş', 'Erdoğan', 'Aksoy'];
const COMPANY_WORDS = ['Anadolu', 'Ege', 'Marmara', 'Toros', 'Karadeniz', 'Akdeniz', 'Bozkır', 'Yeşilırmak'];
const COMPANY_TRADES = ['Lojistik', 'Gıda', 'Tekstil', 'Yapı', 'Turizm', 'Yazılım', 'Otomotiv', 'Tarım'];

export interface FictionalPerson {
  fullName: string;
  gender: 'MALE' | 'FEMALE';
}

/** The same seed and key (an identity number) always give the same name. */
export function personFor(seed: number, key: string): FictionalPerson {
  const rng = seededRng(seed, 'person', key);
  const gender = rng.chance(0.5) ? 'FEMALE' : 'MALE';
  const first = rng.pick(gender === 'FEMALE' ? FEMALE : MALE);
  return { fullName: `${first} ${rng.pick(SURNAMES)}`, gender };
}

export function companyTitleFor(seed: number, key: string): string {
  const rng = seededRng(seed, 'company', key);
  return `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_TRADES)} Ticaret A.Ş.`;
}

/** A valid TCKN (or, with prefix 99, a foreign resident's YKN). */
export function makeTckn(rng: Rng, prefix = ''): string {
  const d = [...prefix].map(Number);
  if (d.length === 0) {
    d.push(rng.int(1, 9));
    // 99… is the foreign residents' range: a citizen's TCKN never starts with it.
    d.push(d[0] === 9 ? rng.int(0, 8) : rng.int(0, 9));
  }
  while (d.length < 9) d.push(rng.int(0, 9));
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  d.push((((odd * 7 - even) % 10) + 10) % 10);
  d.push(d.reduce((a, b) => a + b, 0) % 10);
  return d.join('');
}

/** A valid 10-digit tax number (VKN). */
export function makeVkn(rng: Rng): string {
  const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9)));
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const t = (d[i - 1]! + 10 - i) % 10;
    if (t === 0) continue;
    const v = (t * 2 ** (10 - i)) % 9;
    sum += v === 0 ? 9 : v;
  }
  return d.join('') + String((10 - (sum % 10)) % 10);
}

export interface TestIdentity {
  /** What the identity is for in a demo or a test. */
  label: string;
  $type: 'individual' | 'company' | 'foreign';
  identityNumber?: number;
  taxNumber?: number;
  phoneNumber: { countryCode: 90; number: string };
  /** Needed on first login only; registered identities already have one. */
  birthDate?: string;
  /** Already a customer with a saved vehicle, home and health information. */
  registered: boolean;
  fullName?: string;
}

/** A few valid identities, deterministic from the seed; the phones are fictional 5xx numbers. */
export function makeTestIdentities(seed: number): TestIdentity[] {
  const rng = seededRng(seed, 'test-identities');
  const phone = () => `5${rng.pick(['32', '33', '35', '42', '44', '52', '54', '55'])}${rng.digits(7)}`;
  const returning = makeTckn(rng);
  return [
    {
      label: 'Kayıtlı müşteri (aracı, konutu ve sağlık bilgisi kayıtlı)',
      $type: 'individual',
      identityNumber: Number(returning),
      phoneNumber: { countryCode: 90, number: phone() },
      registered: true,
      fullName: personFor(seed, returning).fullName,
    },
    {
      label: 'Yeni bireysel müşteri (ilk girişte doğum tarihi gerekir)',
      $type: 'individual',
      identityNumber: Number(makeTckn(rng)),
      phoneNumber: { countryCode: 90, number: phone() },
      birthDate: '1988-04-23',
      registered: false,
    },
    {
      label: 'Yeni bireysel müşteri (ikinci)',
      $type: 'individual',
      identityNumber: Number(makeTckn(rng)),
      phoneNumber: { countryCode: 90, number: phone() },
      birthDate: '1975-11-02',
      registered: false,
    },
    {
      label: 'Yeni kurumsal müşteri (VKN)',
      $type: 'company',
      taxNumber: Number(makeVkn(rng)),
      phoneNumber: { countryCode: 90, number: phone() },
      registered: false,
    },
    {
      label: 'Yeni yabancı uyruklu müşteri (YKN)',
      $type: 'foreign',
      identityNumber: Number(makeTckn(rng, '99')),
      phoneNumber: { countryCode: 90, number: phone() },
      birthDate: '1992-07-14',
      registered: false,
    },
  ];
}
