/**
 * The resident ID number rules of GB 11643-1999, as the identity service applies them
 * (apps/identity/src/id-number/resident-id-number.ts, ADR 0030), so the form can say exactly what is wrong
 * before anything is sent. Pure TypeScript: no React, no antd. The server stays the judge; the one rule left
 * to it is the six-digit region table (an unknown county is only a warning there).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EIGHTEEN = /^[0-9]{17}[0-9X]$/;
const FIFTEEN = /^[0-9]{15}$/;
const WHITESPACE = /\s+/gu;
/** The oldest plausible holder (the server's EARLIEST_BIRTH_YEAR). */
const EARLIEST_BIRTH_YEAR = 1900;
/** Mainland China keeps UTC+8 all year: "today" and ages are on its calendar. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Province-level codes (GB/T 2260) and the residence-permit prefixes 83 and 91. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
]);

/** Which rule a number breaks; the server's codes are `IDENTITY.ID_NUMBER_<RULE in upper case>`. */
export type IdNumberRule = 'length' | 'format' | 'legacy' | 'province' | 'birth_date' | 'checksum';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type IdNumberCheck =
  | {
      readonly valid: true;
      /** The canonical 18-character form (a 15-digit number converted, upper-case X). */
      readonly value: string;
      readonly birthDate: CalendarDate;
      readonly convertedFromLegacy: boolean;
    }
  | {
      readonly valid: false;
      readonly rule: IdNumberRule;
      /** For `length`: how many characters were entered. */
      readonly length?: number;
    };

/** Full-width digits, spaces and a lower-case x are accepted, as the server normalises them. */
export function normalizeIdNumber(input: string): string {
  return input.normalize('NFKC').replace(WHITESPACE, '').toUpperCase();
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacterOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function isRealDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Today's date in China (UTC+8), whatever the browser's time zone. */
export function chinaToday(now: Date): CalendarDate {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Completed years on `today`. */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const hadBirthday =
    today.month > birthDate.month || (today.month === birthDate.month && today.day >= birthDate.day);
  return today.year - birthDate.year - (hadBirthday ? 0 : 1);
}

/**
 * Checks a resident ID number rule by rule, in the server's order, and reports the first rule it breaks:
 * length, characters (or the 15-digit legacy form), province code, date of birth, check character.
 */
export function checkIdNumber(input: string, now: Date): IdNumberCheck {
  const normalized = normalizeIdNumber(input);
  if (normalized.length !== 18 && normalized.length !== 15) {
    return { valid: false, rule: 'length', length: normalized.length };
  }
  let value = normalized;
  const convertedFromLegacy = normalized.length === 15;
  if (convertedFromLegacy) {
    if (!FIFTEEN.test(normalized)) return { valid: false, rule: 'legacy' };
    const first17 = `${normalized.slice(0, 6)}19${normalized.slice(6)}`;
    value = `${first17}${checkCharacterOf(first17)}`;
  } else if (!EIGHTEEN.test(normalized)) {
    return { valid: false, rule: 'format' };
  }
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { valid: false, rule: 'province' };

  const birthDate = {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
  if (
    !isRealDate(birthDate) ||
    birthDate.year < EARLIEST_BIRTH_YEAR ||
    compareDates(birthDate, chinaToday(now)) > 0
  ) {
    return { valid: false, rule: 'birth_date' };
  }
  if (!convertedFromLegacy && checkCharacterOf(value) !== value.charAt(17)) {
    return { valid: false, rule: 'checksum' };
  }
  return { valid: true, value, birthDate, convertedFromLegacy };
}

/** The rule named by a server error code (`IDENTITY.ID_NUMBER_CHECKSUM` → `checksum`), if it is one. */
export function idNumberRuleOfCode(code: string): IdNumberRule | undefined {
  const rules: Record<string, IdNumberRule> = {
    'IDENTITY.ID_NUMBER_LENGTH': 'length',
    'IDENTITY.ID_NUMBER_FORMAT': 'format',
    'IDENTITY.ID_NUMBER_LEGACY': 'legacy',
    'IDENTITY.ID_NUMBER_PROVINCE': 'province',
    'IDENTITY.ID_NUMBER_BIRTH_DATE': 'birth_date',
    'IDENTITY.ID_NUMBER_CHECKSUM': 'checksum',
  };
  return rules[code];
}
