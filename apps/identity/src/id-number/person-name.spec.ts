import type { ErrorCode } from '@exam/platform';
import fc from 'fast-check';

import { NAME_RULES } from './id-number.errors';
import { checkPersonName, MIDDLE_DOT, normalizePersonName } from './person-name';

function codeOf(input: string): ErrorCode | undefined {
  const result = checkPersonName(input);
  return result.valid ? undefined : result.violation.code;
}

describe(checkPersonName.name, () => {
  const sut = checkPersonName;

  it('should accept common and rare Chinese names, including CJK Extension B characters', () => {
    for (const name of ['张三', '欧阳娜娜', '𠮷野家', '王𪚥', '李〇', '龘靐']) {
      expect(sut(name)).toEqual({ valid: true, name, script: 'han' });
    }
  });

  it('should accept ethnic-minority names and fold middle-dot look-alikes to U+00B7', () => {
    for (const dot of [
      '\u00B7',
      '\u30FB',
      '\uFF65',
      '\u2022',
      '\u2027',
      '\u2219',
      '\u22C5',
      '\u0387',
      '.',
      '\uFF0E',
      ' · ',
    ]) {
      expect(sut(`阿依古丽${dot}买买提`)).toEqual({
        valid: true,
        name: `阿依古丽${MIDDLE_DOT}买买提`,
        script: 'han',
      });
    }
  });

  it('should accept Latin names of foreign residents with single spaces', () => {
    expect(sut('  John   SMITH ')).toEqual({ valid: true, name: 'John SMITH', script: 'latin' });
    expect(sut("Mary-Jane O'Neil")).toEqual({ valid: true, name: "Mary-Jane O'Neil", script: 'latin' });
    expect(sut('José Müller').valid).toBe(true);
  });

  it('should remove spaces inside a Chinese name', () => {
    expect(normalizePersonName('张 三')).toBe('张三');
  });

  it('should reject each broken rule with its own code', () => {
    expect(codeOf('   ')).toBe(NAME_RULES.empty);
    expect(codeOf('张三1')).toBe(NAME_RULES.characters);
    expect(codeOf('张三!')).toBe(NAME_RULES.characters);
    expect(codeOf('张三😀')).toBe(NAME_RULES.characters);
    expect(codeOf('张John')).toBe(NAME_RULES.mixedScripts);
    expect(codeOf('·买买提')).toBe(NAME_RULES.separator);
    expect(codeOf('阿依古丽··买买提')).toBe(NAME_RULES.separator);
    expect(codeOf('John--Smith')).toBe(NAME_RULES.separator);
    expect(codeOf('张')).toBe(NAME_RULES.length);
    expect(codeOf('张'.repeat(31))).toBe(NAME_RULES.length);
    expect(codeOf('J')).toBe(NAME_RULES.length);
  });

  it('should accept any sequence of Han characters, within the BMP or not, joined by middle dots', () => {
    const han = fc
      .oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0x20000, max: 0x2a6df }))
      .map((cp) => String.fromCodePoint(cp));
    const part = fc.array(han, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const name = parts.join(MIDDLE_DOT);
        fc.pre(Array.from(name).length >= 2);
        expect(sut(name)).toEqual({ valid: true, name, script: 'han' });
      }),
      { numRuns: 300 },
    );
  });
});
