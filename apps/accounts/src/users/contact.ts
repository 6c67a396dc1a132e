import { normalizeEmail, normalizePhone } from '@exam/crypto';

const MAINLAND_MOBILE = /^(?:\+86|0086)?1[3-9]\d{9}$/;
const SEPARATORS = /[\s\-()]/g;

/** True for a mainland mobile number, written bare, with +86 or with 0086 (spaces and dashes allowed). */
export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(value.normalize('NFKC').replace(SEPARATORS, ''));
}

/** +86XXXXXXXXXXX; call only after isMainlandMobile. */
export function normalizeMainlandMobile(value: string): string {
  return normalizePhone(value.normalize('NFKC').replace(SEPARATORS, ''));
}

export { normalizeEmail };

export type LoginKind = 'phone' | 'email' | 'username';

/** How a login identifier is looked up: an email, a mainland mobile, or else a user name. */
export function loginKindOf(login: string): LoginKind {
  if (login.includes('@')) return 'email';
  if (isMainlandMobile(login)) return 'phone';
  return 'username';
}

/** The one form of a login that every way of writing it maps to, as the lookup uses it. */
export function canonicalLogin(login: string): string {
  const trimmed = login.trim();
  switch (loginKindOf(trimmed)) {
    case 'email':
      return normalizeEmail(trimmed);
    case 'phone':
      return normalizeMainlandMobile(trimmed);
    case 'username':
      return trimmed.toLowerCase();
  }
}
