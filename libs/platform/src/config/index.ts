export * from './base-service.env';
export * from './env-transforms';
export * from './load-config';
export * from './secret.decorator';
