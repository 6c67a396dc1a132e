/** Injection token of the validated AuditEnv. */
export const AUDIT_ENV = Symbol('AUDIT_ENV');
