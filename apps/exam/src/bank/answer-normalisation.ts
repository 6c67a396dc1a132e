/** How a fill-in-the-blank answer is compared with the accepted answers. */
export interface BlankNormalisation {
  /** `ABC` equals `abc`. */
  readonly ignoreCase: boolean;
  /** Every whitespace is removed (otherwise runs are collapsed and ends trimmed). */
  readonly ignoreSpaces: boolean;
  /** Full-width forms (ＡＢＣ１２３，and the ideographic space) compare as their half-width forms. */
  readonly fullWidthToHalfWidth: boolean;
}

export const DEFAULT_NORMALISATION: BlankNormalisation = {
  ignoreCase: false,
  ignoreSpaces: false,
  fullWidthToHalfWidth: true,
};

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST)
      out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out;
}

export function normaliseAnswer(text: string, rules: BlankNormalisation): string {
  let out = text.normalize('NFC');
  if (rules.fullWidthToHalfWidth) out = toHalfWidth(out);
  if (rules.ignoreCase) out = out.toLowerCase();
  out = rules.ignoreSpaces ? out.replace(/\s+/gu, '') : out.replace(/\s+/gu, ' ').trim();
  return out;
}

export function blankMatches(
  answer: string,
  accepted: readonly string[],
  rules: BlankNormalisation,
): boolean {
  const given = normaliseAnswer(answer, rules);
  return accepted.some((candidate) => normaliseAnswer(candidate, rules) === given);
}
