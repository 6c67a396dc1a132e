/** Injection token of the validated AccountsEnv. */
export const ACCOUNTS_ENV = Symbol('ACCOUNTS_ENV');
