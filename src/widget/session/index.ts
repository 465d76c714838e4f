export * from './auth-session.js';
export * from './flow-state.js';
export * from './flow-session.js';
export * from './persistence.js';
export * from './context.js';
export * from './cases.js';
export * from './payment-return.js';
