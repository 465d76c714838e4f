/** Registers insurup-checkout's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { checkout as trCheckout } from '../../i18n/tr/checkout.js';
import { checkout as enCheckout } from '../../i18n/en/checkout.js';
registerMessages(trCheckout, enCheckout);
