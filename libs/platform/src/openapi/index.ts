export * from './canonical-json';
export * from './error-catalogue';
export * from './json-schema';
export * from './openapi-document';
export * from './serve-openapi';
export * from './service-document';
