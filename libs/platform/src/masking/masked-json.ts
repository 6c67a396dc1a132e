import { findSensitiveNumbers, SENSITIVE_NUMBER_PREFILTER } from '@exam/crypto/masking';

import { MaskingLeak, maskResponseBody } from './response-masker';
import { withSensitiveMasking } from './sensitive.decorator';

const TEXT_PREFILTER = new RegExp(SENSITIVE_NUMBER_PREFILTER.source, 'g');
/** The longest candidate (4-4-4-4-3 with separators) plus one boundary character. */
const WINDOW = 24;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || isAsciiLetter(code);
}

/**
 * The text around a hit, widened so both ends fall on a non-alphanumeric character: a window cut through a
 * hex id would make its digits look standalone to the detectors.
 */
function windowAround(text: string, start: number, end: number): string {
  let from = Math.max(0, start - WINDOW);
  while (from > 0 && isAsciiAlphanumeric(text.charCodeAt(from))) from -= 1;
  let to = Math.min(text.length, end + WINDOW);
  while (to < text.length && isAsciiAlphanumeric(text.charCodeAt(to - 1))) to += 1;
  return text.slice(from, to);
}

/** True when the digit run containing `index` starts right after a letter, as inside hex ids and tokens. */
function runIsGluedToLetter(text: string, index: number): boolean {
  let start = index;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start -= 1;
  }
  return isAsciiLetter(text.charCodeAt(start - 1));
}

const NO_LEAKS: readonly MaskingLeak[] = Object.freeze([]);

/**
 * One native regex pass over the whole text; each hit is confirmed by the real detectors on a window around
 * it. Hits in a digit run glued to a letter (hex ids, tokens) are dropped at once: no candidate may touch a
 * letter, and a candidate starting after a later separator in the run gets its own, overlapping, hit.
 */
export function textMayContainSensitiveNumber(text: string): boolean {
  TEXT_PREFILTER.lastIndex = 0;
  let now: Date | undefined;
  for (let match = TEXT_PREFILTER.exec(text); match !== null; match = TEXT_PREFILTER.exec(text)) {
    if (!runIsGluedToLetter(text, match.index)) {
      now ??= new Date();
      if (
        findSensitiveNumbers(windowAround(text, match.index, match.index + match[0].length), now).length > 0
      ) {
        return true;
      }
    }
    // Overlapping restart: a candidate may begin inside this hit, e.g. the second group of a grouped card.
    TEXT_PREFILTER.lastIndex = match.index + 1;
  }
  return false;
}

export interface MaskedJson {
  /** Undefined exactly when JSON.stringify(body) is. */
  readonly json: string | undefined;
  readonly leaks: readonly MaskingLeak[];
}

/**
 * Serializes a response once, with @Sensitive DTOs masked by the native JSON.stringify walk, then checks the
 * text with one native regex pass. Only when that finds a real candidate is the body walked in JS, to mask
 * the strings and name their paths, and serialized again; that path is for leaks, which should be rare.
 */
export function serializeMaskedJson(body: unknown): MaskedJson {
  return withSensitiveMasking(() => {
    const json = JSON.stringify(body) as string | undefined;
    if (json === undefined || !textMayContainSensitiveNumber(json)) return { json, leaks: NO_LEAKS };
    const masked = maskResponseBody(body);
    if (masked.leaks.length === 0) return { json, leaks: NO_LEAKS };
    return { json: JSON.stringify(masked.body), leaks: masked.leaks };
  });
}
