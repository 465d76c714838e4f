/** Saved homes, the UAVT address lookup and the address cascade. */
import type { Property } from '../../contract/properties.js';
import { PROPERTY_LIMITS, type AddressLevel } from '../../contract/properties.js';
import type { ValidationError } from '../../contract/problems.js';
import { businessRule, fieldError, inputValidation, notFound, ProblemError } from '../errors.js';
import type { ValueText } from '../../contract/z.js';
import type { SandboxServices } from '../context.js';
import type { HandlerMap } from '../http/handler.js';
import { uniqueIsoNow } from '../clock.js';
import { randomGuid } from '../random.js';
import type { PropertyRecord } from '../store.js';
import { requireOwnCustomer, requireSameCustomerId } from './guards.js';

function toProperty({ customerId: _c, createdAt: _t, ...property }: PropertyRecord): Property {
  return property;
}

const LEVEL_NAMES: Record<AddressLevel, string> = {
  cities: 'il',
  districts: 'ilçe',
  towns: 'bucak',
  neighbourhoods: 'mahalle',
  streets: 'cadde/sokak',
  buildings: 'bina',
  apartments: 'daire',
};

/** One cascade level: the children of the parent reference, which must be of the level above. */
function childrenOf(sb: SandboxServices, parentLevel: AddressLevel, reference: string | undefined): ValueText[] {
  const parent = reference === undefined ? undefined : sb.catalog.addresses.byValue.get(reference);
  if (!parent || parent.level !== parentLevel) {
    throw notFound(`'${reference}' kodlu ${LEVEL_NAMES[parentLevel]} bulunamadı.`, 'ADDRESS_REFERENCE_NOT_FOUND');
  }
  return parent.children.map(({ value, text }) => ({ value, text }));
}

function floorErrors(floor: Property['floor'], constructionYear: number): ValidationError[] {
  const errors: ValidationError[] = [];
  const { min, max } = PROPERTY_LIMITS.totalFloors;
  const total = floor.totalFloors;
  const highest = total.$type === 'exact' ? total.value : total.max;
  if (total.$type === 'exact' && (total.value < min || total.value > max)) {
    errors.push(fieldError(['floor', 'totalFloors', 'value'], `Kat sayısı ${min} ile ${max} arasında olmalıdır.`, total.value));
  }
  if (total.$type === 'range' && (total.min < min || total.max > max || total.min > total.max)) {
    errors.push(fieldError(['floor', 'totalFloors'], `Kat aralığı ${min}–${max} içinde ve en az en çoktan küçük olmalıdır.`, total));
  }
  const current = floor.currentFloor;
  if (current < PROPERTY_LIMITS.currentFloor.min || current > highest) {
    errors.push(fieldError(['floor', 'currentFloor'], 'Bulunduğu kat, binanın kat sayısını aşamaz.', current));
  }
  if (constructionYear > new Date().getUTCFullYear()) {
    errors.push(fieldError(['constructionYear'], 'Yapım yılı gelecekte olamaz.', constructionYear));
  }
  return errors;
}

export const propertyRoutes = {
  listProperties: ({ principal, sb }) => sb.store.propertiesOf(principal.customerId).map(toProperty),

  createProperty: ({ params, body, principal, sb }) => {
    requireOwnCustomer(principal, params.customerId!);
    requireSameCustomerId(params.customerId!, body.customerId);
    const errors = floorErrors(body.floor, body.constructionYear);
    if (errors.length) throw inputValidation(errors);
    const uavt = String(body.number);
    const address = sb.catalog.addresses.byUavt.get(uavt);
    if (!address) throw businessRule(`${uavt} numaralı UAVT adres kodu bulunamadı.`, 'PROPERTY_NUMBER_NOT_FOUND');
    if (sb.store.propertiesOf(principal.customerId).some((p) => String(p.number) === uavt)) {
      throw new ProblemError('resource-duplicate', 409, `${uavt} UAVT kodlu konut zaten kayıtlı.`, ['PROPERTY_ALREADY_EXISTS']);
    }
    const property: PropertyRecord = {
      id: randomGuid(),
      customerId: principal.customerId,
      number: body.number,
      address,
      squareMeter: body.squareMeter,
      constructionYear: body.constructionYear,
      damageStatus: body.damageStatus,
      floor: body.floor,
      structure: body.structure,
      utilizationStyle: body.utilizationStyle,
      ownershipType: body.ownershipType,
      createdAt: uniqueIsoNow(),
    };
    sb.store.properties.set(property.id, property);
    return { newPropertyId: property.id };
  },

  queryAddressByPropertyNumber: ({ body, sb }) => {
    const address = sb.catalog.addresses.byUavt.get(String(body.propertyNumber));
    if (!address) throw notFound(`${body.propertyNumber} numaralı UAVT adres kodu bulunamadı.`, 'PROPERTY_NUMBER_NOT_FOUND');
    return address;
  },

  listCities: ({ sb }) => sb.catalog.addresses.cities.map(({ value, text }) => ({ value, text })),
  listDistricts: ({ query, sb }) => childrenOf(sb, 'cities', query?.cityReference),
  listTowns: ({ query, sb }) => childrenOf(sb, 'districts', query?.districtReference),
  listNeighbourhoods: ({ query, sb }) => childrenOf(sb, 'towns', query?.townReference),
  listStreets: ({ query, sb }) => childrenOf(sb, 'neighbourhoods', query?.neighbourhoodReference),
  listBuildings: ({ query, sb }) => childrenOf(sb, 'streets', query?.streetReference),
  listApartments: ({ query, sb }) => childrenOf(sb, 'buildings', query?.buildingReference),
} satisfies Partial<HandlerMap>;
