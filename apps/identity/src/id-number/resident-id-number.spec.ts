import type { ErrorCode } from '@exam/platform';
import fc from 'fast-check';

import {
  BAD_PROVINCE_PREFIXES,
  CURRENT_CODES,
  dateBetween,
  formatBirth,
  makeIdNumber,
  RETIRED_CODES,
  sequenceArb,
  UNKNOWN_CODES_IN_KNOWN_PROVINCES,
  validIdNumberArb,
  withCheck,
} from '../../test/support/id-number.arbitraries';
import { ID_NUMBER_RULES } from './id-number.errors';
import {
  ageOn,
  checkCharacterOf,
  checkResidentIdNumber,
  convertLegacyIdNumber,
  ID_NUMBER_WARNINGS,
} from './resident-id-number';

/** 2026-11-26 12:00 in China. */
const NOW = new Date('2026-11-26T04:00:00Z');
const TODAY_UTC = new Date(Date.UTC(2026, 10, 26));
const RUNS = { numRuns: 500 };

function violationOf(input: string, now: Date = NOW): ErrorCode | undefined {
  const result = checkResidentIdNumber(input, now);
  return result.valid ? undefined : result.violation.code;
}

describe(checkResidentIdNumber.name, () => {
  const sut = checkResidentIdNumber;

  it('should accept the GB 11643-1999 example number and reject its 1880 one as too old to hold a card', () => {
    expect(sut('11010519491231002X', NOW).valid).toBe(true);
    expect(violationOf('440524188001010014')).toBe(ID_NUMBER_RULES.birthDate);
  });

  it('should accept generated numbers with current region codes and derive birth date and gender', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENT_CODES),
        dateBetween(new Date(Date.UTC(1900, 0, 1)), TODAY_UTC),
        sequenceArb,
        (region, birth, seq) => {
          const id = makeIdNumber(region, birth, seq);
          const result = sut(id, NOW);
          if (!result.valid) throw new Error(`${id}: ${result.violation.code.code}`);
          expect(result.idNumber.value).toBe(id);
          expect(result.idNumber.birthDate).toEqual(birth);
          expect(result.idNumber.gender).toBe(seq % 2 === 1 ? 'male' : 'female');
          expect(result.idNumber.region.status).toBe('current');
          expect(result.idNumber.warnings).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('should accept retired region codes with a warning', () => {
    fc.assert(
      fc.property(validIdNumberArb(RETIRED_CODES, TODAY_UTC), (id) => {
        const result = sut(id, NOW);
        expect(result.valid && result.idNumber.warnings.map((w) => w.code)).toEqual([
          ID_NUMBER_WARNINGS.regionRetired,
        ]);
      }),
      RUNS,
    );
  });

  it('should accept unknown region codes in a known province with a warning, not a rejection', () => {
    expect(UNKNOWN_CODES_IN_KNOWN_PROVINCES.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(validIdNumberArb(UNKNOWN_CODES_IN_KNOWN_PROVINCES, TODAY_UTC), (id) => {
        const result = sut(id, NOW);
        expect(result.valid && result.idNumber.warnings.map((w) => w.code)).toEqual([
          ID_NUMBER_WARNINGS.regionUnknown,
        ]);
      }),
      RUNS,
    );
  });

  it('should reject every wrong check character', () => {
    fc.assert(
      fc.property(
        validIdNumberArb(CURRENT_CODES, TODAY_UTC),
        fc.constantFrom(...Array.from('0123456789X')),
        (id, check) => {
          fc.pre(check !== id.charAt(17));
          expect(violationOf(`${id.slice(0, 17)}${check}`)).toBe(ID_NUMBER_RULES.checksum);
        },
      ),
      RUNS,
    );
  });

  it('should detect any single-digit typo and any swap of adjacent different digits', () => {
    fc.assert(
      fc.property(
        validIdNumberArb(CURRENT_CODES, TODAY_UTC),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, position, delta) => {
          const digit = (Number(id.charAt(position)) + delta) % 10;
          const typo = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
          expect(violationOf(typo)).toBeDefined();
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        validIdNumberArb(CURRENT_CODES, TODAY_UTC),
        fc.integer({ min: 14, max: 15 }),
        (id, position) => {
          fc.pre(id.charAt(position) !== id.charAt(position + 1));
          const swapped = `${id.slice(0, position)}${id.charAt(position + 1)}${id.charAt(position)}${id.slice(position + 2)}`;
          expect(violationOf(swapped)).toBe(ID_NUMBER_RULES.checksum);
        },
      ),
      RUNS,
    );
  });

  it('should reject impossible dates of birth with a valid check character', () => {
    const impossible = [
      '19900230',
      '19900229',
      '20010229',
      '19991301',
      '19990001',
      '19990100',
      '19990431',
      '19990632',
      '00000000',
    ];
    for (const birth of impossible) {
      expect(violationOf(withCheck(`110105${birth}123`))).toBe(ID_NUMBER_RULES.birthDate);
    }
    expect(violationOf(withCheck('110105200002291230'.slice(0, 17)))).toBeUndefined();
  });

  it('should reject dates of birth in the future, judged on the China calendar date', () => {
    fc.assert(
      fc.property(
        dateBetween(new Date(Date.UTC(2026, 10, 27)), new Date(Date.UTC(2099, 11, 31))),
        sequenceArb,
        (birth, seq) => {
          expect(violationOf(makeIdNumber('110105', birth, seq))).toBe(ID_NUMBER_RULES.birthDate);
        },
      ),
      RUNS,
    );
    const bornToday = makeIdNumber('110105', { year: 2026, month: 11, day: 27 }, 1);
    // 2026-11-26T16:30Z is already 27 November in Beijing.
    expect(violationOf(bornToday, new Date('2026-11-26T16:30:00Z'))).toBeUndefined();
    expect(violationOf(bornToday, new Date('2026-11-26T15:30:00Z'))).toBe(ID_NUMBER_RULES.birthDate);
  });

  it('should reject dates of birth before 1900', () => {
    expect(violationOf(makeIdNumber('110105', { year: 1899, month: 12, day: 31 }, 1))).toBe(
      ID_NUMBER_RULES.birthDate,
    );
  });

  it('should reject unknown province prefixes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BAD_PROVINCE_PREFIXES),
        fc.integer({ min: 0, max: 9999 }),
        dateBetween(new Date(Date.UTC(1950, 0, 1)), TODAY_UTC),
        sequenceArb,
        (prefix, rest, birth, seq) => {
          const region = `${prefix}${String(rest).padStart(4, '0')}`;
          expect(violationOf(makeIdNumber(region, birth, seq))).toBe(ID_NUMBER_RULES.province);
        },
      ),
      RUNS,
    );
  });

  it('should reject wrong lengths and characters with distinct codes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,30}$/), (digits) => {
        fc.pre(digits.length !== 15 && digits.length !== 18);
        expect(violationOf(digits)).toBe(ID_NUMBER_RULES.length);
      }),
      RUNS,
    );
    expect(violationOf('')).toBe(ID_NUMBER_RULES.length);
    expect(violationOf('11010519491231A02X')).toBe(ID_NUMBER_RULES.format);
    expect(violationOf('X1010519491231002X')).toBe(ID_NUMBER_RULES.format);
    expect(violationOf('11010519491231002Y')).toBe(ID_NUMBER_RULES.format);
    expect(violationOf('11010549123100X')).toBe(ID_NUMBER_RULES.legacy);
  });

  it('should normalize full-width digits, spaces and a lower-case x', () => {
    const result = sut(' １１０１０５ 19491231 002x ', NOW);
    expect(result.valid && result.idNumber.value).toBe('11010519491231002X');
  });

  it('should convert 15-digit legacy numbers with the 19xx century and flag the conversion', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENT_CODES),
        dateBetween(new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(1999, 11, 31))),
        sequenceArb,
        (region, birth, seq) => {
          const eighteen = makeIdNumber(region, birth, seq);
          const fifteen = `${region}${formatBirth(birth).slice(2)}${String(seq).padStart(3, '0')}`;
          const result = sut(fifteen, NOW);
          if (!result.valid) throw new Error(`${fifteen}: ${result.violation.code.code}`);
          expect(result.idNumber.value).toBe(eighteen);
          expect(result.idNumber.convertedFromLegacy).toBe(true);
          expect(result.idNumber.warnings.map((w) => w.code)).toContain(ID_NUMBER_WARNINGS.legacyConverted);
        },
      ),
      RUNS,
    );
    expect(convertLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(violationOf('110105490230002')).toBe(ID_NUMBER_RULES.birthDate);
  });

  it('should never echo the number in a rejection message', () => {
    fc.assert(
      fc.property(validIdNumberArb(CURRENT_CODES, TODAY_UTC), (id) => {
        const wrong = `${id.slice(0, 17)}${checkCharacterOf(id.slice(0, 17)) === '0' ? '1' : '0'}`;
        const result = sut(wrong, NOW);
        expect(!result.valid && result.violation.message.includes(wrong.slice(6, 14))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe(ageOn.name, () => {
  it('should count completed years', () => {
    const birth = { year: 2012, month: 11, day: 27 };
    expect(ageOn(birth, { year: 2026, month: 11, day: 26 })).toBe(13);
    expect(ageOn(birth, { year: 2026, month: 11, day: 27 })).toBe(14);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 2, day: 28 })).toBe(17);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 3, day: 1 })).toBe(18);
  });
});
