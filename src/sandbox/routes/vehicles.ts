/** Saved vehicles, the registry lookup and the brand / model lists. */
import type { Vehicle } from '../../contract/vehicles.js';
import { formatPlate, parsePlate } from '../../widget/validation/index.js';
import { findBrand, findModel, modelOnSaleIn } from '../catalog/vehicles.js';
import { businessRule, fieldError, inputValidation, notFound, ProblemError } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';
import { uniqueIsoNow } from '../clock.js';
import { randomGuid } from '../random.js';
import type { VehicleRecord } from '../store.js';
import { requireOwnCustomer, requireSameCustomerId } from './guards.js';

function toVehicle({ createdAt: _createdAt, ...vehicle }: VehicleRecord): Vehicle {
  return vehicle;
}

const today = () => new Date().toISOString().slice(0, 10);

export const vehicleRoutes = {
  listVehicles: ({ principal, sb }) => sb.store.vehiclesOf(principal.customerId).map(toVehicle),

  createVehicle: ({ params, body, principal, sb }) => {
    requireOwnCustomer(principal, params.customerId!);
    requireSameCustomerId(params.customerId!, body.customerId);
    const hasPlate = body.hasPlate !== false;
    const plateText = `${String(body.plate.city).padStart(2, '0')}${body.plate.code}`;
    const errors = [];
    if (hasPlate && !parsePlate(plateText)) {
      errors.push(fieldError(['plate', 'code'], 'Plaka geçersiz (ör. 34 ABC 123).', body.plate.code));
    }
    if (!hasPlate && body.plate.code !== '') {
      errors.push(fieldError(['plate', 'code'], "Plakasız (yeni) araçta 'plate.code' boş olmalıdır.", body.plate.code));
    }
    if (body.registrationDate && body.registrationDate > today()) {
      errors.push(fieldError(['registrationDate'], 'Tescil tarihi gelecekte olamaz.', body.registrationDate));
    }
    if (errors.length) throw inputValidation(errors);

    const brand = findBrand(body.brandReference);
    if (!brand) throw businessRule(`'${body.brandReference}' kodlu marka bulunamadı.`, 'VEHICLE_BRAND_NOT_FOUND');
    const model = findModel(body.brandReference, body.modelTypeReference);
    if (!model) {
      throw businessRule(`${brand.text} markasında '${body.modelTypeReference}' kodlu model bulunamadı.`, 'VEHICLE_MODEL_NOT_FOUND');
    }
    if (!modelOnSaleIn(model, body.modelYear)) {
      throw businessRule(`${brand.text} ${model.text} ${body.modelYear} model yılında üretilmedi.`, 'VEHICLE_MODEL_YEAR_MISMATCH');
    }
    const customerId = principal.customerId;
    if (hasPlate) {
      const duplicate = sb.store
        .vehiclesOf(customerId)
        .find((v) => v.hasPlate !== false && v.plate.city === body.plate.city && v.plate.code === body.plate.code);
      if (duplicate) {
        throw new ProblemError('resource-duplicate', 409, `${formatPlate(body.plate)} plakalı araç zaten kayıtlı.`, ['VEHICLE_ALREADY_EXISTS']);
      }
    }
    const vehicle: VehicleRecord = {
      id: randomGuid(),
      customerId,
      plate: body.plate,
      hasPlate,
      model: {
        brand: { value: brand.value, text: brand.text },
        type: { value: model.value, text: model.text },
        year: body.modelYear,
      },
      utilizationStyle: body.utilizationStyle,
      fuel: body.fuel,
      engineNumber: body.engine ?? null,
      chassisNumber: body.chassis ?? null,
      registrationDate: body.registrationDate ?? null,
      seatNumber: body.seatNumber ?? model.seats,
      documentSerial: body.documentSerial,
      createdAt: uniqueIsoNow(),
    };
    sb.store.vehicles.set(vehicle.id, vehicle);
    return { id: vehicle.id };
  },

  lookupVehicle: ({ params, body, principal, sb }) => {
    requireOwnCustomer(principal, params.customerId!);
    const entry = sb.catalog.registry.find(
      (r) => r.plate.city === body.plate.city && r.plate.code === body.plate.code,
    );
    if (!entry) {
      throw notFound(`${formatPlate(body.plate)} plakalı araç tescil kayıtlarında bulunamadı.`, 'VEHICLE_NOT_FOUND');
    }
    const serial = body.documentSerial;
    if (serial && (serial.code !== entry.documentSerial.code || serial.number !== entry.documentSerial.number)) {
      throw notFound(
        `${formatPlate(body.plate)} plakası ile ruhsat seri numarası eşleşmedi; ruhsattaki seri numarasını kontrol edin.`,
        'DOCUMENT_SERIAL_MISMATCH',
      );
    }
    return {
      registrationDate: entry.registrationDate,
      plate: entry.plate,
      documentSerial: entry.documentSerial,
      model: {
        brand: { value: entry.brand.value, text: entry.brand.text },
        type: { value: entry.model.value, text: entry.model.text },
        year: entry.year,
      },
      chassis: entry.chassis,
      engine: entry.engine,
      fuelType: entry.model.fuel,
      utilizationStyle: entry.utilizationStyle,
      seatNumber: entry.model.seats,
    };
  },

  listVehicleBrands: ({ sb }) => sb.catalog.brands.map(({ value, text }) => ({ value, text })),

  listVehicleModels: ({ query, sb }) => {
    const brand = sb.catalog.brands.find((b) => b.value === query.brandReference);
    if (!brand) throw notFound(`'${query.brandReference}' kodlu marka bulunamadı.`, 'VEHICLE_BRAND_NOT_FOUND');
    return brand.models
      .filter((m) => modelOnSaleIn(m, Number(query.year)))
      .map(({ value, text }) => ({ value, text }));
  },
} satisfies Partial<HandlerMap>;
