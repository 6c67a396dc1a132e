/** Fen as yuan in the reader's language, e.g. `¥12.50` (CNY). Pure. */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 2,
  }).format(fen / 100);
}

/**
 * Yuan typed by a person (`12`, `12.5`, `12.50`, surrounding spaces ignored) as whole fen, or null when it is
 * not an amount of money (negative, more than two decimals, not a number). Pure.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, yuan = '0', cents = ''] = match;
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}
