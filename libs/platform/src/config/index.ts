export * from './base-service.env';
export * from './load-config';
export * from './secret.decorator';
