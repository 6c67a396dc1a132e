import type { AttemptStatus } from '../../attempt/domain/attempt-state';
import type { ProctoringRule } from './proctoring-policy';

/** Where a candidate stands on the live board. */
export const BOARD_STATES = [
  'not_started',
  'in_progress',
  'paused',
  'submitted',
  'graded',
  'terminated',
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export function boardStateOf(attempt: { status: AttemptStatus; pausedAt: Date | null } | null): BoardState {
  if (attempt === null) return 'not_started';
  switch (attempt.status) {
    case 'created':
      return 'not_started';
    case 'in_progress':
    case 'overdue':
      return attempt.pausedAt === null ? 'in_progress' : 'paused';
    case 'submitted':
      return 'submitted';
    case 'graded':
      return 'graded';
    case 'terminated':
      return 'terminated';
  }
}

/** An attempt's proctoring events summed up for the board. */
export interface EventCounts {
  total: number;
  focusLost: number;
  fullscreenExited: number;
  copyPaste: number;
  idle: number;
  faceChecks: number;
  /** Events counted against each rule. */
  counted: Record<ProctoringRule, number>;
  warnings: number;
}

export function emptyCounts(): EventCounts {
  return {
    total: 0,
    focusLost: 0,
    fullscreenExited: 0,
    copyPaste: 0,
    idle: 0,
    faceChecks: 0,
    counted: { tab_switch: 0, full_screen: 0, copy_paste: 0, face_check: 0 },
    warnings: 0,
  };
}

const KIND_FIELDS: Readonly<
  Partial<Record<string, keyof Omit<EventCounts, 'total' | 'counted' | 'warnings'>>>
> = {
  focus_lost: 'focusLost',
  fullscreen_exited: 'fullscreenExited',
  copy_paste: 'copyPaste',
  idle: 'idle',
  face_check: 'faceChecks',
};

/** Sums grouped event counts per attempt. Pure. */
export function sumCounts(
  rows: readonly {
    readonly attemptId: string;
    readonly kind: string;
    readonly rule: ProctoringRule | null;
    readonly outcome: string;
    readonly count: number;
  }[],
): Map<string, EventCounts> {
  const byAttempt = new Map<string, EventCounts>();
  for (const row of rows) {
    const counts = byAttempt.get(row.attemptId) ?? emptyCounts();
    counts.total += row.count;
    const field = KIND_FIELDS[row.kind];
    if (field !== undefined) counts[field] += row.count;
    if (row.rule !== null) counts.counted[row.rule] += row.count;
    if (row.outcome === 'warning') counts.warnings += row.count;
    byAttempt.set(row.attemptId, counts);
  }
  return byAttempt;
}
