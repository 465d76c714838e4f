/**
 * Turkey's 81 provinces by plate code (01 Adana … 81 Düzce): a brand-new car without a plate
 * is registered with its province's code as `plate.city`. Proper names, the same in every
 * language.
 */
const PROVINCES: readonly string[] = [
  'Adana', 'Adıyaman', 'Afyonkarahisar', 'Ağrı', 'Amasya', 'Ankara', 'Antalya', 'Artvin', 'Aydın', 'Balıkesir',
  'Bilecik', 'Bingöl', 'Bitlis', 'Bolu', 'Burdur', 'Bursa', 'Çanakkale', 'Çankırı', 'Çorum', 'Denizli',
  'Diyarbakır', 'Edirne', 'Elazığ', 'Erzincan', 'Erzurum', 'Eskişehir', 'Gaziantep', 'Giresun', 'Gümüşhane', 'Hakkâri',
  'Hatay', 'Isparta', 'Mersin', 'İstanbul', 'İzmir', 'Kars', 'Kastamonu', 'Kayseri', 'Kırklareli', 'Kırşehir',
  'Kocaeli', 'Konya', 'Kütahya', 'Malatya', 'Manisa', 'Kahramanmaraş', 'Mardin', 'Muğla', 'Muş', 'Nevşehir',
  'Niğde', 'Ordu', 'Rize', 'Sakarya', 'Samsun', 'Siirt', 'Sinop', 'Sivas', 'Tekirdağ', 'Tokat',
  'Trabzon', 'Tunceli', 'Şanlıurfa', 'Uşak', 'Van', 'Yozgat', 'Zonguldak', 'Aksaray', 'Bayburt', 'Karaman',
  'Kırıkkale', 'Batman', 'Şırnak', 'Bartın', 'Ardahan', 'Iğdır', 'Yalova', 'Karabük', 'Kilis', 'Osmaniye',
  'Düzce',
];

/** The province of a plate code (1–81), e.g. `34` → `İstanbul`. */
export function provinceName(code: number): string {
  return PROVINCES[code - 1] ?? String(code).padStart(2, '0');
}

/** `{ value: '34', label: '34 · İstanbul' }` for every province, in plate-code order. */
export function provinceOptions(): Array<{ value: string; label: string }> {
  return PROVINCES.map((name, index) => ({
    value: String(index + 1),
    label: `${String(index + 1).padStart(2, '0')} · ${name}`,
  }));
}
