import type { KeyObject } from 'node:crypto';

export const JWT_ISSUER = 'exam-platform/accounts';
export const JWT_AUDIENCE = 'exam-platform';
export const JWT_ALGORITHM = 'ES256';

export interface AuthSettings {
  readonly publicKeys: ReadonlyMap<string, KeyObject>;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
