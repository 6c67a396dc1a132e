export * from './domain-error';
export * from './error-body';
export * from './error-status';
export * from './all-exceptions.filter';
