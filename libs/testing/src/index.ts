export * from './test-env';
export * from './test-database';
export * from './expect-eventually';
