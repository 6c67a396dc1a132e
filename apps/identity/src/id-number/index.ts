export * from './calendar-date';
export * from './id-number.errors';
export * from './person-name';
export * from './region-codes';
export * from './resident-id-number';
