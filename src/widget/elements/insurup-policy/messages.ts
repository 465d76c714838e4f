/** Registers insurup-policy's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { policy as trPolicy } from '../../i18n/tr/policy.js';
import { policy as enPolicy } from '../../i18n/en/policy.js';
registerMessages(trPolicy, enPolicy);
