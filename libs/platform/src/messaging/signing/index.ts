export * from './event-signature';
export * from './event-signing-keys';
export * from './signed-topics';
