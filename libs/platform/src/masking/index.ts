export * from './sensitive.decorator';
export * from './response-masker';
export * from './masked-json';
export * from './masking.interceptor';
