import { createHash } from 'node:crypto';

import type { ErrorDetail } from '@exam/platform';

import type { MarkingSettings } from '../../exam/exam-settings';

/** Where an answer stands: waiting for marks, waiting for a third marker, or finally marked. */
export const MARKING_ITEM_STATUSES = ['marking', 'reconciliation', 'done'] as const;
export type MarkingItemStatus = (typeof MARKING_ITEM_STATUSES)[number];

/** How the final mark came about: one marker, two combined, or a disagreement settled. */
export type MarkResolution = 'single' | 'combined' | 'reconciled';

export interface MarkOutcome {
  readonly status: MarkingItemStatus;
  /** Set once the status is `done`. */
  readonly finalMark: number | null;
  readonly resolution: MarkResolution | null;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function inHundredths(points: number): number {
  return Math.round(points * 100);
}

/**
 * Every way `mark` is not a mark a marker may give: from 0 to `max`, a multiple of `step` (the maximum itself
 * is always allowed, even when it is not a multiple). Pure.
 */
export function markErrors(mark: number, max: number, step: number): ErrorDetail[] {
  if (!Number.isFinite(mark) || mark < 0 || mark > max)
    return [{ field: 'mark', reason: `must be from 0 to ${max} points` }];
  const hundredths = inHundredths(mark);
  if (Math.abs(mark * 100 - hundredths) > 1e-6)
    return [{ field: 'mark', reason: 'must have at most two decimals' }];
  if (hundredths !== inHundredths(max) && hundredths % inHundredths(step) !== 0)
    return [{ field: 'mark', reason: `must be a multiple of ${step} points` }];
  return [];
}

/** Two marks combined by the exam's rule: `higher` takes the larger, the others the mean. */
export function combineMarks(rule: MarkingSettings['reconciliation'], a: number, b: number): number {
  return rule === 'higher' ? Math.max(a, b) : round((a + b) / 2);
}

/** The largest difference two marks of a question worth `maxMark` may have and still be combined. */
export function toleranceOf(settings: MarkingSettings, maxMark: number): number {
  return round(settings.toleranceFraction * maxMark);
}

/**
 * The state of one answer after its marks so far (in the order given). Single marking: the first mark is
 * final. Double marking: two marks within the tolerance are combined by the rule; further apart, a third
 * marker's mark is final under `third_marker`, while `average` and `higher` combine them anyway. Pure.
 */
export function outcomeOf(settings: MarkingSettings, maxMark: number, marks: readonly number[]): MarkOutcome {
  if (marks.length === 0) return { status: 'marking', finalMark: null, resolution: null };
  const first = marks[0] ?? 0;
  if (!settings.doubleMarking) return { status: 'done', finalMark: first, resolution: 'single' };
  if (marks.length === 1) return { status: 'marking', finalMark: null, resolution: null };
  const second = marks[1] ?? 0;
  if (marks.length >= 3) return { status: 'done', finalMark: marks[2] ?? 0, resolution: 'reconciled' };
  const within = Math.abs(first - second) <= toleranceOf(settings, maxMark) + 1e-9;
  if (within)
    return {
      status: 'done',
      finalMark: combineMarks(settings.reconciliation, first, second),
      resolution: 'combined',
    };
  if (settings.reconciliation === 'third_marker')
    return { status: 'reconciliation', finalMark: null, resolution: null };
  return {
    status: 'done',
    finalMark: combineMarks(settings.reconciliation, first, second),
    resolution: 'reconciled',
  };
}

/**
 * A marker's order of the answers: random (a hash of the marker and the answer), stable for that marker and
 * different for another, so two markers do not work through the scripts in the same order. The marking
 * repository orders by the same expression in SQL. Pure.
 */
export function markerOrderKey(markerId: string, itemId: string): string {
  return createHash('sha256').update(`${markerId}:${itemId}`).digest('hex');
}

export function inMarkerOrder<T extends { readonly id: string }>(markerId: string, items: readonly T[]): T[] {
  return [...items]
    .map((item) => ({ item, key: markerOrderKey(markerId, item.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
