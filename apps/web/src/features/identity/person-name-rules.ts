/**
 * The name rules of the identity service (apps/identity/src/id-number/person-name.ts): Chinese characters with
 * a middle dot between the parts of ethnic-minority names, or Latin letters for foreign residents. Pure
 * TypeScript, so the form explains a mistake before sending and the rules are unit tested beside it.
 */

export const MIDDLE_DOT = '\u00B7';
const DOT_LOOK_ALIKES = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\u0387\u2E31\u318D\uFF0E\u16EB]/gu;
const ASCII_DOT_BETWEEN_HAN = /(?<=\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;
const SPACES_AROUND_DOT = /\s*\u00B7\s*/gu;
const SPACES_BETWEEN_HAN = /(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu;
const WHITESPACE_RUN = /[\s\u3000]+/gu;
const HAN_NAME = /^\p{Script=Han}+(\u00B7\p{Script=Han}+)*$/u;
const LATIN_NAME = /^\p{Script=Latin}+([ '-]\p{Script=Latin}+)*$/u;
const HAS_HAN = /\p{Script=Han}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
const ALLOWED_CHARACTER = /[\p{Script=Han}\p{Script=Latin}\u00B7 '-]/u;

export const HAN_NAME_MAX = 30;
export const LATIN_NAME_MAX = 80;

export type NameRule = 'empty' | 'characters' | 'mixed_scripts' | 'separator' | 'length';

export type NameCheck =
  | { readonly valid: true; readonly name: string; readonly script: 'han' | 'latin' }
  | { readonly valid: false; readonly rule: NameRule; readonly script?: 'han' | 'latin' };

/** The server's canonical form: NFC, middle-dot look-alikes folded, no spaces inside Chinese names. */
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

export function checkPersonName(input: string): NameCheck {
  const name = normalizePersonName(input);
  if (name.length === 0) return { valid: false, rule: 'empty' };
  for (const character of name) {
    if (!ALLOWED_CHARACTER.test(character)) return { valid: false, rule: 'characters' };
  }
  const hasHan = HAS_HAN.test(name);
  if (hasHan && HAS_LATIN.test(name)) return { valid: false, rule: 'mixed_scripts' };
  const script = hasHan ? 'han' : 'latin';
  if (!(hasHan ? HAN_NAME : LATIN_NAME).test(name)) return { valid: false, rule: 'separator', script };
  const length = Array.from(name).length;
  if (length < 2 || length > (hasHan ? HAN_NAME_MAX : LATIN_NAME_MAX)) {
    return { valid: false, rule: 'length', script };
  }
  return { valid: true, name, script };
}

/** The rule named by a server error code (`IDENTITY.NAME_SEPARATOR` → `separator`), if it is one. */
export function nameRuleOfCode(code: string): NameRule | undefined {
  const rules: Record<string, NameRule> = {
    'IDENTITY.NAME_EMPTY': 'empty',
    'IDENTITY.NAME_CHARACTERS': 'characters',
    'IDENTITY.NAME_MIXED_SCRIPTS': 'mixed_scripts',
    'IDENTITY.NAME_SEPARATOR': 'separator',
    'IDENTITY.NAME_LENGTH': 'length',
  };
  return rules[code];
}
