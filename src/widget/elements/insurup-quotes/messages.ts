/** Registers insurup-quotes's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { quotes as trQuotes } from '../../i18n/tr/quotes.js';
import { quotes as enQuotes } from '../../i18n/en/quotes.js';
registerMessages(trQuotes, enQuotes);
