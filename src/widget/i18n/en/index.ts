/** English, the second language. Each area file is checked key for key against its Turkish table. */
import { common, errors, validation } from './common.js';
import { login } from './login.js';
import { flow } from './flow.js';
import { vehicle } from './vehicle.js';
import { property } from './property.js';
import { health } from './health.js';
import { quotes } from './quotes.js';
import { checkout } from './checkout.js';
import { policy } from './policy.js';
import { myPolicies } from './myPolicies.js';

export const en = {
  ...common,
  ...validation,
  ...errors,
  ...login,
  ...flow,
  ...vehicle,
  ...property,
  ...health,
  ...quotes,
  ...checkout,
  ...policy,
  ...myPolicies,
};

