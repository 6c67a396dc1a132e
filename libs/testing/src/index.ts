export * from './test-env';
export * from './test-database';
export * from './expect-eventually';
export * from './infrastructure';
export * from './kafka-probe';
export * from './service-harness';
export * from './test-tokens';
export * from './response-leak-monitor';
