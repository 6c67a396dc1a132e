import { passesLuhn } from './luhn';
import { maskBankCard, maskIdNumber, maskPhone } from './mask';
import { isValidResidentId } from './resident-id';

export type DetectedKind = 'idNumber' | 'phone' | 'bankCard';

export interface SensitiveNumberFinding {
  readonly kind: DetectedKind;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/**
 * Digit runs standing alone (no letter or digit on either side, so hashes, UUIDs and longer order numbers
 * are skipped): 4-4-4[-4][-1..3] grouped cards, 3-4-4 grouped mobiles, 17 digits + check char, 11–19 digits.
 * Candidates are then confirmed by checksum or structure, never by shape alone.
 */
const CANDIDATE =
  /(?<![0-9A-Za-z])(?:[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -]?[0-9]{1,3})?|1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}|[0-9]{17}[0-9Xx]|[0-9]{11,19})(?![0-9A-Za-z])/g;
/**
 * Every candidate contains eleven digits in a row or a 3-4-4 digit grouping, so text without either cannot
 * hold a finding. Unrolled on purpose: V8 scans with `\d\d\d…` several times faster than with `\d{11}`.
 */
export const SENSITIVE_NUMBER_PREFILTER = /\d\d\d(?:\d\d\d\d\d\d\d\d|[ -]\d\d\d\d[ -]\d\d\d\d)/;
const MOBILE = /^1[3-9][0-9]{9}$/;
const CN_PREFIXED_MOBILE = /^861[3-9][0-9]{9}$/;
const SEPARATORS = /[ -]/g;

/** Issuer prefixes of real cards (Amex/JCB/Diners 3, Visa 4, Mastercard 51–55 and 2221–2720, UnionPay/Discover 6). */
function hasCardIssuerPrefix(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  if (first >= 3 && first <= 6) return true;
  const prefix = Number(digits.slice(0, 4));
  return prefix >= 2221 && prefix <= 2720;
}

function isBankCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && hasCardIssuerPrefix(digits) && passesLuhn(digits);
}

function classify(raw: string, now: Date): DetectedKind | undefined {
  if (raw.includes(' ') || raw.includes('-')) {
    const digits = raw.replace(SEPARATORS, '');
    if (MOBILE.test(digits)) return 'phone';
    return isBankCard(digits) ? 'bankCard' : undefined;
  }
  if (raw.length === 18 && isValidResidentId(raw, now)) return 'idNumber';
  if (MOBILE.test(raw) || CN_PREFIXED_MOBILE.test(raw)) return 'phone';
  return isBankCard(raw) ? 'bankCard' : undefined;
}

/** Cheap test that lets callers skip strings that cannot hold a finding. */
export function mayContainSensitiveNumber(text: string): boolean {
  return text.length >= 11 && SENSITIVE_NUMBER_PREFILTER.test(text);
}

export function findSensitiveNumbers(text: string, now: Date = new Date()): SensitiveNumberFinding[] {
  const findings: SensitiveNumberFinding[] = [];
  if (!mayContainSensitiveNumber(text)) return findings;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const kind = classify(match[0], now);
    if (kind !== undefined) findings.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

export function maskFinding(kind: DetectedKind, raw: string): string {
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(raw);
    case 'phone':
      return raw.length === 13 && raw.startsWith('86') ? `86${maskPhone(raw.slice(2))}` : maskPhone(raw);
    case 'bankCard':
      return maskBankCard(raw);
  }
}

export interface MaskedText {
  readonly text: string;
  readonly kinds: readonly DetectedKind[];
}

/** Undefined when nothing was found, so the common case allocates nothing. */
export function maskSensitiveNumbers(text: string, now?: Date): MaskedText | undefined {
  const findings = findSensitiveNumbers(text, now);
  if (findings.length === 0) return undefined;
  let result = '';
  let cursor = 0;
  const kinds = new Set<DetectedKind>();
  for (const finding of findings) {
    result +=
      text.slice(cursor, finding.start) + maskFinding(finding.kind, text.slice(finding.start, finding.end));
    cursor = finding.end;
    kinds.add(finding.kind);
  }
  return { text: result + text.slice(cursor), kinds: [...kinds] };
}
