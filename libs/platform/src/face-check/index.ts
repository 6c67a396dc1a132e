export * from './face-check.errors';
export * from './face-check-keys';
export * from './face-check-token';
export * from './face-check-token.issuer';
export * from './face-check-token.verifier';
