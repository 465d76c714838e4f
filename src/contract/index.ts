/** The InsurUp customer API contract: schemas, inferred types and the endpoint table. */
export * from './z.js';
export * from './problems.js';
export * from './branches.js';
export * from './auth.js';
export * from './customers.js';
export * from './vehicles.js';
export * from './properties.js';
export * from './cases.js';
export * from './coverage.js';
export * from './proposals.js';
export * from './purchase.js';
export * from './policies.js';
export * from './coverage-choices.js';
export * from './realtime.js';
export * from './graphql.js';
export * from './endpoints.js';
