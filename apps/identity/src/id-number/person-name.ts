import { NAME_RULES, type NameRuleCode, type RuleViolation } from './id-number.errors';

/** The separator GB 18030 / the Ministry of Public Security prints in ethnic-minority names (e.g. 阿依古丽·买买提). */
export const MIDDLE_DOT = '\u00B7';

/**
 * Characters that IMEs and fonts produce where a middle dot was meant: katakana middle dot, half-width
 * katakana middle dot, bullet, hyphenation point, bullet operator, dot operator, Greek ano teleia, word
 * separator middle dot, Hangul araea, full-width full stop, and the ASCII full stop between Han characters.
 */
const DOT_LOOK_ALIKES = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\u0387\u2E31\u318D\uFF0E\u16EB]/gu;
const ASCII_DOT_BETWEEN_HAN = /(?<=\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;
const SPACES_AROUND_DOT = /\s*\u00B7\s*/gu;
const SPACES_BETWEEN_HAN = /(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu;
const WHITESPACE_RUN = /[\s\u3000]+/gu;

const HAN_NAME = /^\p{Script=Han}+(\u00B7\p{Script=Han}+)*$/u;
/** Latin names as printed on foreigners' permanent residence cards: letters, single spaces, hyphens, apostrophes. */
const LATIN_NAME = /^\p{Script=Latin}+([ '-]\p{Script=Latin}+)*$/u;
const HAS_HAN = /\p{Script=Han}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
const ALLOWED_CHARACTER = /[\p{Script=Han}\p{Script=Latin}\u00B7 '-]/u;

export const HAN_NAME_MAX_CHARACTERS = 30;
export const LATIN_NAME_MAX_CHARACTERS = 80;

export type NameScript = 'han' | 'latin';

export type NameCheck =
  | { readonly valid: true; readonly name: string; readonly script: NameScript }
  | { readonly valid: false; readonly violation: RuleViolation<NameRuleCode> };

/** Canonical form: NFC, no spaces inside Chinese names, one space between Latin words, every middle-dot look-alike folded to U+00B7. */
export function normalizePersonName(input: string): string {
  return input
    .normalize('NFC')
    .replace(DOT_LOOK_ALIKES, MIDDLE_DOT)
    .replace(ASCII_DOT_BETWEEN_HAN, MIDDLE_DOT)
    .replace(SPACES_AROUND_DOT, MIDDLE_DOT)
    .replace(SPACES_BETWEEN_HAN, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

function reject(code: NameRuleCode, message: string): NameCheck {
  return { valid: false, violation: { code, message } };
}

/** Counts code points, so a rare character outside the BMP (CJK Extension B+) counts once. */
function codePoints(text: string): number {
  return Array.from(text).length;
}

/**
 * Names as the authority holds them: Han characters (any CJK extension, since rare characters in names are
 * common) with middle dots between the parts of ethnic-minority names, or Latin letters for foreign residents.
 */
export function checkPersonName(input: string): NameCheck {
  const name = normalizePersonName(input);
  if (name.length === 0) return reject(NAME_RULES.empty, 'Enter the name exactly as printed on the ID card.');
  const hasHan = HAS_HAN.test(name);
  const hasLatin = HAS_LATIN.test(name);
  for (const character of name) {
    if (!ALLOWED_CHARACTER.test(character)) {
      return reject(
        NAME_RULES.characters,
        'A name may contain Chinese characters with a middle dot (·) between parts, or Latin letters, spaces, hyphens and apostrophes; digits and other symbols are not allowed.',
      );
    }
  }
  if (hasHan && hasLatin) {
    return reject(
      NAME_RULES.mixedScripts,
      'Enter the name either in Chinese characters or in Latin letters, not both.',
    );
  }
  if (hasHan) {
    if (!HAN_NAME.test(name)) {
      return reject(
        NAME_RULES.separator,
        'In a Chinese name a middle dot (·) only separates two parts; it cannot start or end the name, repeat, or sit next to a space.',
      );
    }
    const length = codePoints(name);
    if (length < 2 || length > HAN_NAME_MAX_CHARACTERS) {
      return reject(NAME_RULES.length, `A Chinese name has 2 to ${HAN_NAME_MAX_CHARACTERS} characters.`);
    }
    return { valid: true, name, script: 'han' };
  }
  if (!LATIN_NAME.test(name)) {
    return reject(
      NAME_RULES.separator,
      'In a Latin name, spaces, hyphens and apostrophes only separate letters and cannot repeat.',
    );
  }
  const length = codePoints(name);
  if (length < 2 || length > LATIN_NAME_MAX_CHARACTERS) {
    return reject(NAME_RULES.length, `A Latin name has 2 to ${LATIN_NAME_MAX_CHARACTERS} characters.`);
  }
  return { valid: true, name, script: 'latin' };
}
