import { ageOn, checkCharacterOf, checkIdNumber, chinaToday, idNumberRuleOfCode } from './id-number-rules';

const NOW = new Date('2026-12-07T04:00:00Z');
const withCheck = (first17: string): string => `${first17}${checkCharacterOf(first17)}`;
const VALID = withCheck('11010519900307123');

describe('checkIdNumber (GB 11643-1999, as the identity service applies it)', () => {
  it('accepts a valid number and reads its date of birth', () => {
    const result = checkIdNumber(VALID, NOW);
    expect(result).toEqual({
      valid: true,
      value: VALID,
      birthDate: { year: 1990, month: 3, day: 7 },
      convertedFromLegacy: false,
    });
  });

  it('accepts full-width digits, spaces and a lower-case x, as the server normalises them', () => {
    const endsInX = ['11010519900307', '000'].join('');
    let first17 = endsInX;
    for (let n = 0; n < 1000 && checkCharacterOf(first17) !== 'X'; n++) {
      first17 = `11010519900307${String(n).padStart(3, '0')}`;
    }
    expect(checkCharacterOf(first17)).toBe('X');
    const typed = `${first17.slice(0, 6)} ${first17.slice(6)}x`.replace('1', '１');
    expect(checkIdNumber(typed, NOW)).toMatchObject({ valid: true, value: `${first17}X` });
  });

  it('names the check character when one digit is mistyped', () => {
    const wrongLast = `${VALID.slice(0, 17)}${VALID.endsWith('1') ? '2' : '1'}`;
    expect(checkIdNumber(wrongLast, NOW)).toEqual({ valid: false, rule: 'checksum' });
  });

  it('says how many characters were entered when the length is wrong', () => {
    expect(checkIdNumber(VALID.slice(0, 17), NOW)).toEqual({ valid: false, rule: 'length', length: 17 });
    expect(checkIdNumber('', NOW)).toEqual({ valid: false, rule: 'length', length: 0 });
  });

  it('refuses letters other than a final X', () => {
    expect(checkIdNumber(`${VALID.slice(0, 10)}A${VALID.slice(11)}`, NOW)).toEqual({
      valid: false,
      rule: 'format',
    });
  });

  it('refuses an unknown province code before the date and the check character', () => {
    expect(checkIdNumber(withCheck('99010519900307123'), NOW)).toEqual({ valid: false, rule: 'province' });
  });

  it('refuses dates of birth that are not real, before 1900 or in the future (China calendar)', () => {
    expect(checkIdNumber(withCheck('11010519900230123'), NOW)).toMatchObject({ rule: 'birth_date' });
    expect(checkIdNumber(withCheck('11010518991231123'), NOW)).toMatchObject({ rule: 'birth_date' });
    // 2026-12-07 12:00 in Shanghai: the 8th is tomorrow there.
    expect(checkIdNumber(withCheck('11010520261208123'), NOW)).toMatchObject({ rule: 'birth_date' });
    expect(checkIdNumber(withCheck('11010520261207123'), NOW)).toMatchObject({ valid: true });
  });

  it('converts a 15-digit number of an older card and refuses one with letters', () => {
    expect(checkIdNumber('110105900307123', NOW)).toEqual({
      valid: true,
      value: withCheck('11010519900307123'),
      birthDate: { year: 1990, month: 3, day: 7 },
      convertedFromLegacy: true,
    });
    expect(checkIdNumber('11010590030712X', NOW)).toEqual({ valid: false, rule: 'legacy' });
  });

  it('maps the server codes to the same rules', () => {
    expect(idNumberRuleOfCode('IDENTITY.ID_NUMBER_CHECKSUM')).toBe('checksum');
    expect(idNumberRuleOfCode('IDENTITY.ID_NUMBER_BIRTH_DATE')).toBe('birth_date');
    expect(idNumberRuleOfCode('IDENTITY.NAME_EMPTY')).toBeUndefined();
  });
});

describe('ages on the China calendar', () => {
  it('counts completed years, the birthday itself included', () => {
    const today = chinaToday(NOW);
    expect(today).toEqual({ year: 2026, month: 12, day: 7 });
    expect(ageOn({ year: 2012, month: 12, day: 7 }, today)).toBe(14);
    expect(ageOn({ year: 2012, month: 12, day: 8 }, today)).toBe(13);
  });
});
