/**
 * The UAVT address tree: city → district → town → neighbourhood → street → building →
 * apartment. Names are real-sounding; every `value` is seeded, and an apartment's value is its
 * 10-digit UAVT number.
 */
import type { Address, AddressLevel } from '../../contract/properties.js';
import type { ValueText } from '../../contract/z.js';
import { seededRng } from '../random.js';

export interface AddressNode {
  level: AddressLevel;
  value: string;
  text: string;
  children: AddressNode[];
}

type Spec = Record<string, Record<string, Record<string, string[]>>>;

// city → district → neighbourhood → streets (every district has one town, "Merkez").
const SPEC: Array<[plate: string, city: string, districts: Spec[string]]> = [
  ['34', 'İstanbul', {
    Kadıköy: { Caferağa: ['Moda Caddesi', 'Şair Nefi Sokak'], Fenerbahçe: ['Fener Kalamış Caddesi', 'Münir Nurettin Selçuk Caddesi'] },
    Üsküdar: { Altunizade: ['Kısıklı Caddesi', 'Ord. Prof. Fahrettin Kerim Gökay Caddesi'], Kuzguncuk: ['İcadiye Caddesi'] },
  }],
  ['06', 'Ankara', {
    Çankaya: { Kızılay: ['Ziya Gökalp Caddesi', 'Meşrutiyet Caddesi'], Bahçelievler: ['Aşkabat Caddesi', '7. Cadde'] },
    Keçiören: { Etlik: ['Yunus Emre Caddesi', 'Şehit Cevdet Özdemir Caddesi'] },
  }],
  ['35', 'İzmir', {
    Karşıyaka: { Bostanlı: ['Cemal Gürsel Caddesi', 'Şehit Ercan Sokak'], Alaybey: ['Kemalpaşa Caddesi'] },
    Bornova: { Kazımdirik: ['Mustafa Kemal Caddesi', 'Ankara Caddesi'] },
  }],
];

export interface AddressTree {
  cities: AddressNode[];
  /** UAVT → full address, for query-address-by-property-number. */
  byUavt: Map<string, Address>;
  /** Each level's nodes by value, for the cascade lookups. */
  byValue: Map<string, AddressNode>;
}

export function buildAddressTree(seed: number): AddressTree {
  const rng = seededRng(seed, 'addresses');
  const used = new Set<string>();
  // Values are unique across the whole tree, so a reference from one level never matches another.
  const code = (length: number) => {
    for (;;) {
      const value = String(rng.int(1, 9)) + rng.digits(length - 1);
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const byUavt = new Map<string, Address>();
  const byValue = new Map<string, AddressNode>();
  const node = (level: AddressLevel, value: string, text: string): AddressNode => {
    const n: AddressNode = { level, value, text, children: [] };
    byValue.set(value, n);
    return n;
  };

  const cities = SPEC.map(([plate, cityName, districts]) => {
    used.add(plate);
    const city = node('cities', plate, cityName);
    for (const [districtName, neighbourhoods] of Object.entries(districts)) {
      const district = node('districts', code(4), districtName);
      const town = node('towns', code(5), 'Merkez');
      district.children.push(town);
      for (const [neighbourhoodName, streets] of Object.entries(neighbourhoods)) {
        const neighbourhood = node('neighbourhoods', code(6), `${neighbourhoodName} Mahallesi`);
        town.children.push(neighbourhood);
        for (const streetName of streets) {
          const street = node('streets', code(7), streetName);
          neighbourhood.children.push(street);
          const buildingNumbers = rng.shuffle(Array.from({ length: 40 }, (_, i) => i + 1)).slice(0, 2).sort((a, b) => a - b);
          for (const no of buildingNumbers) {
            const building = node('buildings', code(8), `No: ${no}`);
            street.children.push(building);
            const flats = rng.int(3, 6);
            for (let flat = 1; flat <= flats; flat++) {
              const uavt = code(10);
              const apartment = node('apartments', uavt, `Daire ${flat}`);
              building.children.push(apartment);
              const vt = (n: AddressNode): ValueText => ({ value: n.value, text: n.text });
              byUavt.set(uavt, {
                city: vt(city),
                district: vt(district),
                town: vt(town),
                neighborhood: vt(neighbourhood),
                street: vt(street),
                building: vt(building),
                apartment: vt(apartment),
              });
            }
          }
        }
      }
      city.children.push(district);
    }
    return city;
  });
  return { cities, byUavt, byValue };
}
