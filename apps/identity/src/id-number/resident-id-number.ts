import { normalizeIdNumber } from '@exam/crypto';

import { type CalendarDate, calendarDateIn, isRealDate } from './calendar-date';
import { ID_NUMBER_RULES, type IdNumberRuleCode, type RuleViolation } from './id-number.errors';
import { isKnownProvinceCode, lookupRegion, type RegionLookup } from './region-codes';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EIGHTEEN = /^[0-9]{17}[0-9X]$/;
const FIFTEEN = /^[0-9]{15}$/;
/** The oldest plausible holder; GB 11643 numbers were first issued in 1999, to living people. */
export const EARLIEST_BIRTH_YEAR = 1900;

export type Gender = 'male' | 'female';

export const ID_NUMBER_WARNINGS = {
  regionUnknown: 'IDENTITY.ID_NUMBER_REGION_UNKNOWN',
  regionRetired: 'IDENTITY.ID_NUMBER_REGION_RETIRED',
  legacyConverted: 'IDENTITY.ID_NUMBER_LEGACY_CONVERTED',
} as const;
export type IdNumberWarningCode = (typeof ID_NUMBER_WARNINGS)[keyof typeof ID_NUMBER_WARNINGS];

export interface IdNumberWarning {
  readonly code: IdNumberWarningCode;
  readonly message: string;
}

/** A structurally valid resident ID number and what it encodes. */
export interface ResidentIdNumber {
  /** The canonical 18-character form (upper-case X). */
  readonly value: string;
  readonly region: RegionLookup;
  readonly birthDate: CalendarDate;
  /** Odd sequence digit = male, even = female (GB 11643-1999 §5.3). */
  readonly gender: Gender;
  readonly convertedFromLegacy: boolean;
  readonly warnings: readonly IdNumberWarning[];
}

export type IdNumberCheck =
  | { readonly valid: true; readonly idNumber: ResidentIdNumber }
  | { readonly valid: false; readonly violation: RuleViolation<IdNumberRuleCode> };

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacterOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * 15-digit numbers (issued before 1999) have a two-digit year and no check character; GB 11643-1999 converts
 * them by inserting the century 19 (nobody born in 2000 or later was ever issued one) and appending the check.
 */
export function convertLegacyIdNumber(fifteen: string): string {
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return `${first17}${checkCharacterOf(first17)}`;
}

function reject(code: IdNumberRuleCode, message: string): IdNumberCheck {
  return { valid: false, violation: { code, message } };
}

/**
 * Validates a resident ID number per GB 11643-1999, rule by rule, and reports the first rule it breaks.
 * Full-width digits, spaces and a lower-case x are normalized first (the same normalization the blind index
 * uses). An unknown or retired region code is a warning: real cards carry codes of divisions since merged.
 * `now` decides "in the future" on the China calendar date (UTC+8).
 */
export function checkResidentIdNumber(input: string, now: Date): IdNumberCheck {
  const normalized = normalizeIdNumber(input);
  if (normalized.length !== 18 && normalized.length !== 15) {
    return reject(
      ID_NUMBER_RULES.length,
      `A resident ID number has 18 characters (or 15 for a pre-1999 card); this one has ${normalized.length}.`,
    );
  }
  let value = normalized;
  let convertedFromLegacy = false;
  if (normalized.length === 15) {
    if (!FIFTEEN.test(normalized)) {
      return reject(
        ID_NUMBER_RULES.legacy,
        'A 15-character (pre-1999) ID number consists of 15 digits only.',
      );
    }
    value = convertLegacyIdNumber(normalized);
    convertedFromLegacy = true;
  } else if (!EIGHTEEN.test(normalized)) {
    return reject(
      ID_NUMBER_RULES.format,
      'A resident ID number is 17 digits followed by a digit or the letter X.',
    );
  }

  if (!isKnownProvinceCode(value.slice(0, 2))) {
    return reject(
      ID_NUMBER_RULES.province,
      `The ID number starts with ${value.slice(0, 2)}, which is not a province code (GB/T 2260).`,
    );
  }

  const birth = {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
  if (!isRealDate(birth)) {
    return reject(
      ID_NUMBER_RULES.birthDate,
      'Digits 7 to 14 of the ID number are not a real date of birth (YYYYMMDD).',
    );
  }
  if (birth.year < EARLIEST_BIRTH_YEAR) {
    return reject(
      ID_NUMBER_RULES.birthDate,
      `The date of birth in the ID number is before ${EARLIEST_BIRTH_YEAR}.`,
    );
  }
  const today = calendarDateIn(now);
  if (compareDates(birth, today) > 0) {
    return reject(ID_NUMBER_RULES.birthDate, 'The date of birth in the ID number is in the future.');
  }

  if (!convertedFromLegacy && checkCharacterOf(value) !== value.charAt(17)) {
    return reject(
      ID_NUMBER_RULES.checksum,
      'The last character of the ID number does not match the others (ISO 7064 MOD 11-2 check); check for a typo.',
    );
  }

  const region = lookupRegion(value.slice(0, 6));
  const warnings: IdNumberWarning[] = [];
  if (region.status === 'unknown') {
    warnings.push({
      code: ID_NUMBER_WARNINGS.regionUnknown,
      message:
        'The region code of the ID number is not in our GB/T 2260 table; it is accepted and checked by the authority.',
    });
  } else if (region.status === 'retired') {
    warnings.push({
      code: ID_NUMBER_WARNINGS.regionRetired,
      message:
        'The region code of the ID number belongs to a division that has since been merged or renamed.',
    });
  }
  if (convertedFromLegacy) {
    warnings.push({
      code: ID_NUMBER_WARNINGS.legacyConverted,
      message: 'A 15-digit ID number was converted to its 18-character form.',
    });
  }
  const sequenceDigit = value.charCodeAt(16) - 48;
  return {
    valid: true,
    idNumber: {
      value,
      region,
      birthDate: birth,
      gender: sequenceDigit % 2 === 1 ? 'male' : 'female',
      convertedFromLegacy,
      warnings,
    },
  };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Completed years on `today`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const hadBirthday =
    today.month > birthDate.month || (today.month === birthDate.month && today.day >= birthDate.day);
  return today.year - birthDate.year - (hadBirthday ? 0 : 1);
}

/** The day someone born on `birthDate` turns 18; 29 February birthdays count from 1 March in common years. */
export function adultOn(birthDate: CalendarDate): CalendarDate {
  const year = birthDate.year + 18;
  if (birthDate.month === 2 && birthDate.day === 29 && !isRealDate({ year, month: 2, day: 29 }))
    return { year, month: 3, day: 1 };
  return { year, month: birthDate.month, day: birthDate.day };
}
