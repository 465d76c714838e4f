/** One handler per endpoint of the contract's table: `HandlerMap` makes a missing one a compile error. */
import { authRoutes } from '../routes/auth.js';
import { caseRoutes } from '../routes/cases.js';
import { coverageChoiceRoutes } from '../routes/coverage-choices.js';
import { customerRoutes } from '../routes/customers.js';
import { graphqlRoutes } from '../routes/graphql.js';
import { policyRoutes } from '../routes/policies.js';
import { propertyRoutes } from '../routes/properties.js';
import { proposalRoutes } from '../routes/proposals.js';
import { purchaseRoutes } from '../routes/purchase.js';
import { realtimeRoutes } from '../routes/realtime.js';
import { vehicleRoutes } from '../routes/vehicles.js';
import type { HandlerMap } from './handler.js';

export const handlers: HandlerMap = {
  ...authRoutes,
  ...customerRoutes,
  ...vehicleRoutes,
  ...propertyRoutes,
  ...caseRoutes,
  ...proposalRoutes,
  ...purchaseRoutes,
  ...policyRoutes,
  ...coverageChoiceRoutes,
  ...graphqlRoutes,
  ...realtimeRoutes,
};
