/** One handler per endpoint of the contract's table. */
import { authRoutes } from '../routes/auth.js';
import { customerRoutes } from '../routes/customers.js';
import { propertyRoutes } from '../routes/properties.js';
import { vehicleRoutes } from '../routes/vehicles.js';
import type { HandlerMap } from './handler.js';

export const handlers: Partial<HandlerMap> = {
  ...authRoutes,
  ...customerRoutes,
  ...vehicleRoutes,
  ...propertyRoutes,
};
