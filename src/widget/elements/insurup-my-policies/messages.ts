/** Registers insurup-my-policies's message tables; they load with the element's chunk. */
import { registerMessages } from '../../i18n/index.js';
import { myPolicies as trMyPolicies } from '../../i18n/tr/myPolicies.js';
import { myPolicies as enMyPolicies } from '../../i18n/en/myPolicies.js';
import { policy as trPolicy } from '../../i18n/tr/policy.js';
import { policy as enPolicy } from '../../i18n/en/policy.js';
registerMessages(trMyPolicies, enMyPolicies);
registerMessages(trPolicy, enPolicy);
