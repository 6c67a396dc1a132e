export * from './events/topics';
export * from './events/event-envelope';
export * from './payloads/accounts.payloads';
export * from './payloads/audit.payloads';
export * from './payloads/exam.payloads';
export * from './payloads/identity.payloads';
export * from './payloads/payments.payloads';
export * from './auth/roles';
