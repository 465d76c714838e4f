/** Registers insurup-health-form's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { health as trHealth } from '../../i18n/tr/health.js';
import { health as enHealth } from '../../i18n/en/health.js';
registerMessages(trHealth, enHealth);
