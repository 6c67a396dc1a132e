export type MarkProblem = 'missing' | 'out_of_range' | 'off_step';

/**
 * Why the server would refuse `mark` for an answer worth `maxMark` with the exam's marking `step`, or null:
 * from 0 to maxMark, a multiple of the step or the full mark (to the hundredth, as the API counts). Pure.
 */
export function markProblem(
  mark: number | null | undefined,
  maxMark: number,
  step: number,
): MarkProblem | null {
  if (mark === null || mark === undefined || Number.isNaN(mark)) return 'missing';
  if (mark < 0 || mark > maxMark) return 'out_of_range';
  const hundredths = Math.round(mark * 100);
  const stepHundredths = Math.round(step * 100);
  if (Math.abs(mark * 100 - hundredths) > 1e-6) return 'off_step';
  // The full mark is always allowed, even when it is not a multiple of the step.
  if (hundredths === Math.round(maxMark * 100)) return null;
  if (stepHundredths > 0 && hundredths % stepHundredths !== 0) return 'off_step';
  return null;
}

/** A short, stable name for an opaque script id (its first 8 characters, upper case): never a candidate. */
export function scriptLabel(scriptId: string): string {
  return scriptId.replace(/-/g, '').slice(0, 8).toUpperCase();
}
