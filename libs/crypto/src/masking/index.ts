export * from './sensitive-kind';
export * from './mask';
export * from './masking-policy';
export * from './resident-id';
export * from './luhn';
export * from './sensitive-number.detector';
