export * from './masked-json';
export * from './masking.interceptor';
export * from './response-masker';
export * from './sensitive.decorator';
