/** Registers insurup-flow's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { flow as trFlow } from '../../i18n/tr/flow.js';
import { flow as enFlow } from '../../i18n/en/flow.js';
registerMessages(trFlow, enFlow);
