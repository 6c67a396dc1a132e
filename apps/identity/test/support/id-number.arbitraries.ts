import fc from 'fast-check';

import type { CalendarDate } from '../../src/id-number/calendar-date';
import { isKnownProvinceCode } from '../../src/id-number/region-codes';
import { CURRENT_REGION_CODES, RETIRED_REGION_CODES } from '../../src/id-number/region-codes.data';
import { checkCharacterOf } from '../../src/id-number/resident-id-number';

/** Test data generators for resident ID numbers; shared by unit tests, e2e tests and the benchmark. */
export const CURRENT_CODES = Object.keys(CURRENT_REGION_CODES).filter((code) => !code.endsWith('0000'));
export const RETIRED_CODES = Object.keys(RETIRED_REGION_CODES);
export const UNKNOWN_CODES_IN_KNOWN_PROVINCES = ['110199', '440399', '320999', '650199', '370899'].filter(
  (code) => !(code in CURRENT_REGION_CODES) && !(code in RETIRED_REGION_CODES),
);
export const BAD_PROVINCE_PREFIXES = [
  '00',
  '10',
  '16',
  '19',
  '20',
  '24',
  '30',
  '38',
  '40',
  '47',
  '55',
  '60',
  '66',
  '70',
  '72',
  '80',
  '84',
  '90',
  '92',
  '99',
].filter((prefix) => !isKnownProvinceCode(prefix));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatBirth(date: CalendarDate): string {
  return `${pad(date.year, 4)}${pad(date.month, 2)}${pad(date.day, 2)}`;
}

export function withCheck(first17: string): string {
  return `${first17}${checkCharacterOf(first17)}`;
}

export function makeIdNumber(region: string, birth: CalendarDate, sequence: number): string {
  return withCheck(`${region}${formatBirth(birth)}${pad(sequence, 3)}`);
}

/** A real date between `from` and `to` (inclusive), drawn as a day offset. */
export function dateBetween(from: Date, to: Date): fc.Arbitrary<CalendarDate> {
  const days = Math.floor((to.getTime() - from.getTime()) / 86_400_000);
  return fc.integer({ min: 0, max: days }).map((offset) => {
    const d = new Date(from.getTime() + offset * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  });
}

export const sequenceArb = fc.integer({ min: 0, max: 999 });

export function validIdNumberArb(regions: readonly string[], to: Date): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...regions), dateBetween(new Date(Date.UTC(1900, 0, 1)), to), sequenceArb)
    .map(([region, birth, sequence]) => makeIdNumber(region, birth, sequence));
}
