/** Registers insurup-property-form's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { property as trProperty } from '../../i18n/tr/property.js';
import { property as enProperty } from '../../i18n/en/property.js';
registerMessages(trProperty, enProperty);
