/** Date and time in the reader's language and time zone, to the second (`—` for none). Pure. */
export function formatDateTime(iso: string | null, language: string): string {
  if (iso === null) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** The time of day, to the second (`—` for none). Pure. */
export function formatTime(iso: string | null, language: string): string {
  if (iso === null) return '—';
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(new Date(iso));
}

/** A number with at most `digits` decimals in the reader's language (`—` for null). Pure. */
export function formatNumber(value: number | null, language: string, digits = 2): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** A share (0 … 1) as a percentage (`—` for null). Pure. */
export function formatPercent(value: number | null, language: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
