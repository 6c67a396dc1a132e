/** A staff action's written reason (proctoring): 5 to 500 characters once trimmed, as the API requires. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

export type ReasonProblem = 'missing' | 'too_short' | 'too_long';

/** Why `reason` would be refused, or null. Pure. */
export function reasonProblem(
  reason: string | undefined,
  min = REASON_MIN,
  max = REASON_MAX,
): ReasonProblem | null {
  const text = (reason ?? '').trim();
  if (text === '') return 'missing';
  if (text.length < min) return 'too_short';
  if (text.length > max) return 'too_long';
  return null;
}
