/** Vehicle brands, their models by year, and the plate registry behind external-lookup. */
import type { DocumentSerial, FuelType, Plate } from '../../contract/vehicles.js';
import { seededRng } from '../random.js';

export interface ModelDef {
  value: string;
  text: string;
  /** First and last model year on sale (last: still on sale). */
  from: number;
  to: number | null;
  /** Price new, in TL, for kasko sums insured. */
  newPrice: number;
  fuel: FuelType;
  seats: number;
}

export interface BrandDef {
  value: string;
  text: string;
  models: ModelDef[];
}

type ModelSpec = [text: string, from: number, to: number | null, newPrice: number, fuel: FuelType, seats?: number];

const BRAND_SPECS: Array<[code: string, text: string, models: ModelSpec[]]> = [
  ['011', 'Fiat', [
    ['Egea 1.4 Fire Urban', 2016, null, 1_150_000, 'GASOLINE'],
    ['Egea 1.3 Multijet Easy', 2016, null, 1_300_000, 'DIESEL'],
    ['Doblo 1.6 Multijet Safeline', 2010, null, 1_250_000, 'DIESEL', 7],
    ['Linea 1.3 Multijet', 2007, 2018, 650_000, 'DIESEL'],
  ]],
  ['022', 'Renault', [
    ['Clio 1.0 TCe Joy', 2013, null, 1_200_000, 'GASOLINE'],
    ['Megane 1.5 dCi Touch', 2010, null, 1_600_000, 'DIESEL'],
    ['Symbol 1.5 dCi Joy', 2013, 2021, 700_000, 'DIESEL'],
    ['Austral 1.3 Mild Hybrid Techno', 2023, null, 2_300_000, 'HYBRID'],
  ]],
  ['033', 'Toyota', [
    ['Corolla 1.5 Vision', 2019, null, 1_500_000, 'GASOLINE'],
    ['Corolla 1.8 Hybrid Flame', 2019, null, 1_800_000, 'HYBRID'],
    ['C-HR 1.8 Hybrid', 2017, null, 2_100_000, 'HYBRID'],
    ['Yaris 1.5 Dream', 2012, null, 1_250_000, 'GASOLINE'],
  ]],
  ['044', 'Volkswagen', [
    ['Polo 1.0 TSI Life', 2018, null, 1_400_000, 'GASOLINE'],
    ['Passat 1.5 TSI Business', 2015, null, 2_400_000, 'GASOLINE'],
    ['Caddy 2.0 TDI Comfortline', 2005, null, 1_700_000, 'DIESEL', 5],
  ]],
  ['055', 'Hyundai', [
    ['i20 1.4 MPI Style', 2015, null, 1_100_000, 'GASOLINE'],
    ['Tucson 1.6 T-GDI Elite', 2016, null, 2_200_000, 'GASOLINE'],
    ['Accent Blue 1.6 CRDi', 2011, 2019, 600_000, 'DIESEL'],
  ]],
  ['066', 'Ford', [
    ['Focus 1.5 TDCi Trend X', 2011, null, 1_450_000, 'DIESEL'],
    ['Fiesta 1.1 Trend', 2008, 2022, 750_000, 'GASOLINE'],
    ['Transit Courier 1.5 TDCi', 2014, null, 1_100_000, 'DIESEL', 5],
  ]],
  ['077', 'Honda', [
    ['Civic 1.5 VTEC Eco Elegance', 2016, null, 1_700_000, 'LPG_GASOLINE'],
    ['City 1.5 Executive', 2021, null, 1_250_000, 'GASOLINE'],
  ]],
  ['088', 'Dacia', [
    ['Duster 1.5 Blue dCi Prestige', 2010, null, 1_350_000, 'DIESEL'],
    ['Sandero Stepway 1.0 Eco-G', 2013, null, 950_000, 'LPG_GASOLINE'],
  ]],
  ['099', 'Peugeot', [
    ['208 1.2 PureTech Active', 2012, null, 1_150_000, 'GASOLINE'],
    ['3008 1.5 BlueHDi Allure', 2016, null, 2_300_000, 'DIESEL'],
  ]],
  ['111', 'BMW', [
    ['320i First Edition', 2012, null, 3_300_000, 'GASOLINE'],
    ['520i Special Edition', 2010, null, 4_600_000, 'GASOLINE'],
  ]],
  ['122', 'Togg', [
    ['T10X V1 RWD Standart Menzil', 2023, null, 1_650_000, 'ELECTRIC'],
    ['T10X V2 RWD Uzun Menzil', 2023, null, 1_950_000, 'ELECTRIC'],
  ]],
];

export const BRANDS: BrandDef[] = BRAND_SPECS.map(([code, text, models]) => ({
  value: code,
  text,
  models: models.map(([modelText, from, to, newPrice, fuel, seats], i) => ({
    value: `${code}${String(i + 1).padStart(3, '0')}`,
    text: modelText,
    from,
    to,
    newPrice,
    fuel,
    seats: seats ?? 5,
  })),
}));

export function findBrand(value: string): BrandDef | undefined {
  return BRANDS.find((b) => b.value === value);
}

export function findModel(brandValue: string, modelValue: string): ModelDef | undefined {
  return findBrand(brandValue)?.models.find((m) => m.value === modelValue);
}

export function modelOnSaleIn(model: ModelDef, year: number, currentYear = new Date().getUTCFullYear()): boolean {
  return year >= model.from && year <= (model.to ?? currentYear + 1);
}

// ---------------------------------------------------------------------------------------------
// The registry ("tramer"): plates with their registration serial and vehicle

export interface RegistryEntry {
  plate: Plate;
  documentSerial: DocumentSerial;
  brand: BrandDef;
  model: ModelDef;
  year: number;
  chassis: string;
  engine: string;
  registrationDate: string;
  utilizationStyle: string;
}

const PLATE_SPECS: Array<[city: number, code: string, brand: string, modelIndex: number, style?: string]> = [
  [34, 'ABC123', '011', 0],
  [34, 'KL4567', '033', 1],
  [6, 'FR2024', '022', 1],
  [35, 'BT789', '122', 0],
  [34, 'T1907', '055', 0, 'TAXI'],
  [16, 'DE5512', '044', 0],
  [7, 'AN4242', '088', 0],
  [41, 'GE310', '111', 0],
  [6, 'ZYH88', '066', 0],
];

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function buildRegistry(seed: number, currentYear = new Date().getUTCFullYear()): RegistryEntry[] {
  return PLATE_SPECS.map(([city, code, brandCode, modelIndex, style]) => {
    const rng = seededRng(seed, 'registry', city, code);
    const brand = findBrand(brandCode)!;
    const model = brand.models[modelIndex]!;
    const last = Math.min(model.to ?? currentYear, currentYear);
    const year = rng.int(Math.max(model.from, last - 8), last);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const letters = 'ABCDEFGHJKLMNPRSTUVYZ';
    return {
      plate: { city, code },
      documentSerial: { code: rng.pick([...letters]) + rng.pick([...letters]), number: rng.digits(6) },
      brand,
      model,
      year,
      chassis: Array.from({ length: 17 }, () => rng.pick([...VIN_CHARS])).join(''),
      engine: `${rng.pick(['K', 'M', 'B', 'D'])}${rng.digits(2)}${rng.pick([...letters])}${rng.digits(6)}`,
      registrationDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      utilizationStyle: style ?? 'PRIVATE_CAR',
    };
  });
}
