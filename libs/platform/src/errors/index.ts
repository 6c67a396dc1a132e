export * from './all-exceptions.filter';
export * from './domain-error';
export * from './error-body';
export * from './error-codes';
export * from './error-status';
export * from './platform.error-codes';
export * from './platform.errors';
