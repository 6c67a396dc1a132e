/**
 * Why results cannot be shown yet, from the exam service's refusal: not sat, not released (with the date
 * when it is set), or waiting for the institution or a marker.
 */
export type ResultsUnavailable =
  | { kind: 'not_sat' }
  | { kind: 'release_date'; availableAt: string | null }
  | { kind: 'awaiting_release' }
  | { kind: 'awaiting_marking' }
  | { kind: 'attempt_open' }
  | { kind: 'terminated' }
  | { kind: 'review_not_allowed' };

export function resultsUnavailable(code: string, details: unknown): ResultsUnavailable | null {
  switch (code) {
    case 'RESULT.NOT_FOUND':
      return { kind: 'not_sat' };
    case 'RESULT.NOT_RELEASED_YET':
      return { kind: 'release_date', availableAt: availableAtOf(details) };
    case 'RESULT.AWAITING_STAFF_RELEASE':
      return { kind: 'awaiting_release' };
    case 'RESULT.AWAITING_MARKING':
      return { kind: 'awaiting_marking' };
    case 'RESULT.ATTEMPT_OPEN':
      return { kind: 'attempt_open' };
    case 'RESULT.ATTEMPT_TERMINATED':
      return { kind: 'terminated' };
    case 'RESULT.REVIEW_NOT_ALLOWED':
      return { kind: 'review_not_allowed' };
    default:
      return null;
  }
}

function availableAtOf(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, reason } = entry as { field?: unknown; reason?: unknown };
    if (field === 'availableAt' && typeof reason === 'string' && !Number.isNaN(Date.parse(reason)))
      return reason;
  }
  return null;
}

/** A score as people read it: at most two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}
