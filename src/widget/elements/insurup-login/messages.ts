/** Registers insurup-login's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { login as trLogin } from '../../i18n/tr/login.js';
import { login as enLogin } from '../../i18n/en/login.js';
registerMessages(trLogin, enLogin);
