/** How a vehicle is named on screen: its plate (or "new, no plate"), and brand, model and year. */
import type { Vehicle } from '../../../contract/vehicles.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { formatPlate } from '../../validation/plate.js';
import { provinceName } from './provinces.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `34 ABC 123`, or "New vehicle without a plate (İstanbul)". */
export function vehiclePlateText(vehicle: Pick<Vehicle, 'plate' | 'hasPlate'>, t: Translate): string {
  return vehicle.hasPlate === false || !vehicle.plate.code
    ? t('vehicle.noPlate', { city: provinceName(vehicle.plate.city) })
    : formatPlate(vehicle.plate);
}

/** `Fiat Egea 1.4 Fire Urban, 2021`. */
export function vehicleModelText(vehicle: Pick<Vehicle, 'model'>, t: Translate): string {
  return t('vehicle.savedModel', {
    brand: vehicle.model.brand.text,
    model: vehicle.model.type.text,
    year: vehicle.model.year,
  });
}
