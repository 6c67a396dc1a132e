export * from './luhn';
export * from './mask';
export * from './masking-policy';
export * from './resident-id';
export * from './sensitive-kind';
export * from './sensitive-number.detector';
