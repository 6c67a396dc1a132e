export const MASK_CHAR = '*';

/** Code points, not UTF-16 units, so a supplementary-plane character is never split into a lone surrogate. */
export function codePoints(value: string): string[] {
  return Array.from(value);
}

/**
 * Keeps `head` leading and `tail` trailing characters and stars the rest, length preserved. Values shorter
 * than `minLength` are starred entirely, because keeping the usual ends would reveal most of a short value.
 */
export function keepEnds(value: string, head: number, tail: number, minLength: number): string {
  const chars = codePoints(value);
  const n = chars.length;
  if (n < minLength || n <= head + tail) return MASK_CHAR.repeat(n);
  return chars.slice(0, head).join('') + MASK_CHAR.repeat(n - head - tail) + chars.slice(n - tail).join('');
}
