import { ApiError } from '../../../api/api-error';
import type { ReportFailureKind } from './proctoring-batcher';
import type { SaveFailureKind } from './save-queue';

/** Codes after which this device may save or report nothing more for the attempt. */
const FINAL_CODES = new Set([
  'ATTEMPT.TAKEN_OVER',
  'ATTEMPT.HELD_BY_OTHER_DEVICE',
  'ATTEMPT.NOT_IN_PROGRESS',
  'ATTEMPT.DEADLINE_PASSED',
  'ATTEMPT.TERMINATED',
  'ATTEMPT.NOT_FOUND',
  'PROCTORING.ATTEMPT_CLOSED',
]);

function transient(error: ApiError): boolean {
  return (
    error.status >= 500 || error.status === 429 || error.status === 401 || error.code === 'ATTEMPT.PAUSED'
  );
}

/** How the autosave treats a failed save (see SaveFailureKind). */
export function classifySaveFailure(error: unknown): SaveFailureKind {
  if (!(error instanceof ApiError) || error.isNetwork) return 'network';
  if (FINAL_CODES.has(error.code)) return 'stop';
  if (transient(error)) return 'retry';
  return 'reject';
}

/** How the proctoring reports treat a failed report. */
export function classifyReportFailure(error: unknown): ReportFailureKind {
  if (!(error instanceof ApiError) || error.isNetwork) return 'network';
  if (FINAL_CODES.has(error.code)) return 'stop';
  if (transient(error)) return 'retry';
  return 'drop';
}

/** What a final refusal means for the room. */
export type RoomEnd = 'taken_over' | 'terminated' | 'closed';

export function endOf(error: unknown): RoomEnd | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'ATTEMPT.TAKEN_OVER':
    case 'ATTEMPT.HELD_BY_OTHER_DEVICE':
      return 'taken_over';
    case 'ATTEMPT.TERMINATED':
      return 'terminated';
    case 'ATTEMPT.NOT_IN_PROGRESS':
    case 'ATTEMPT.DEADLINE_PASSED':
    case 'PROCTORING.ATTEMPT_CLOSED':
      return 'closed';
    default:
      return null;
  }
}
