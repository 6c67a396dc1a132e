/** Amounts travel in fen (1/100 yuan) as integers; people read yuan with two decimals. */
export function yuanOf(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`an amount in fen must be an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "¥123.45" (the same in Chinese and English). */
export function formatFen(fen: number): string {
  const text = yuanOf(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

export function isFree(fen: number): boolean {
  return fen <= 0;
}
