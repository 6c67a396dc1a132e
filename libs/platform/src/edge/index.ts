export * from './edge-counters';
export * from './edge-rate-limit';
export * from './exam-room-paths';
export * from './rate-limit-bucket';
export * from './security-headers';
export * from './service-edge';
