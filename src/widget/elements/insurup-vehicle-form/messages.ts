/** Registers insurup-vehicle-form's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { vehicle as trVehicle } from '../../i18n/tr/vehicle.js';
import { vehicle as enVehicle } from '../../i18n/en/vehicle.js';
registerMessages(trVehicle, enVehicle);
