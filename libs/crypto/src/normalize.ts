import { CryptoError } from './crypto.errors';

export type NormalizationKind = 'idNumber' | 'phone' | 'email' | 'text';

const WHITESPACE = /\s+/gu;
const PHONE_SEPARATORS = /[\s\-().]/gu;
const CN_MOBILE = /^1[3-9][0-9]{9}$/;
const E164_DIGITS = /^[1-9][0-9]{7,14}$/;

/** NFKC folds full-width digits and `Ｘ`, which IME input produces, into ASCII before upper-casing the check char. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(WHITESPACE, '').toUpperCase();
}

/**
 * E.164 (`+8613812345678`). Bare 11-digit mainland mobiles get +86; anything else must carry an international
 * prefix (`+` or `00`), because guessing a country for other numbers would index the same phone two ways.
 */
export function normalizePhone(value: string): string {
  const compact = value.normalize('NFKC').replace(PHONE_SEPARATORS, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (CN_MOBILE.test(compact)) digits = `86${compact}`;
  else throw new CryptoError('CRYPTO.INVALID_INPUT', 'phone number cannot be normalized to E.164');
  if (!E164_DIGITS.test(digits)) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', 'phone number cannot be normalized to E.164');
  }
  // After +86 a 1 followed by 3-9 can only begin a mobile number (the one landline area code with 1 is 10).
  if (/^861[3-9]/.test(digits) && !CN_MOBILE.test(digits.slice(2))) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', 'mainland mobile number has the wrong length');
  }
  return `+${digits}`;
}

/** Lower-cases the whole address: mainstream providers treat the local part case-insensitively. */
export function normalizeEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

export function normalizeFor(kind: NormalizationKind, value: string): string {
  if (typeof value !== 'string')
    throw new CryptoError('CRYPTO.INVALID_INPUT', `${kind} value must be a string`);
  switch (kind) {
    case 'idNumber':
      return normalizeIdNumber(value);
    case 'phone':
      return normalizePhone(value);
    case 'email':
      return normalizeEmail(value);
    case 'text':
      return normalizeText(value);
  }
}
