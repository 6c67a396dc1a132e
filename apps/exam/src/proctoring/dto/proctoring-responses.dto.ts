import type { AttemptStatus } from '../../attempt/domain/attempt-state';
import type { BoardState } from '../domain/board';
import type { FaceCheckResult, ProctoringEventKind } from '../domain/proctoring-event';
import type { PolicyOutcome, ProctoringRule } from '../domain/proctoring-policy';
import type { StaffAction } from '../domain/staff-action';

export class RecordedEventDto {
  clientEventId!: string;
  kind!: ProctoringEventKind;
  /** True when an earlier delivery of this batch already recorded it (nothing was recorded twice). */
  duplicate!: boolean;
  recordedAt!: string;
  /** The anti-cheat rule it counted against, if any. */
  rule!: ProctoringRule | null;
  outcome!: PolicyOutcome;
  /** face_check: how the server judged the check. */
  faceCheck!: FaceCheckResult | null;
}

export class RuleCountsDto {
  tab_switch!: number;
  full_screen!: number;
  copy_paste!: number;
  face_check!: number;
}

export class PolicyStateDto {
  /** The most severe outcome among this report's events: what the exam room should show now. */
  outcome!: PolicyOutcome;
  warnings!: number;
  flagged!: boolean;
  terminated!: boolean;
  /** Events counted against each rule so far. */
  counted!: RuleCountsDto;
  /** How many each rule tolerates before a breach. */
  allowances!: RuleCountsDto;
  /** What follows a breach after the first warning. */
  consequence!: 'warn' | 'flag' | 'terminate';
}

export class ReportProctoringEventsResponseDto {
  attemptId!: string;
  serverTime!: string;
  recorded!: number;
  duplicates!: number;
  events!: RecordedEventDto[];
  policy!: PolicyStateDto;
}

export class BoardEventCountsDto {
  total!: number;
  focusLost!: number;
  fullscreenExited!: number;
  copyPaste!: number;
  idle!: number;
  faceChecks!: number;
  counted!: RuleCountsDto;
  warnings!: number;
}

export class BoardAttemptDto {
  attemptId!: string;
  attemptNumber!: number;
  status!: AttemptStatus;
  startedAt!: string;
  deadline!: string;
  saveUntil!: string;
  /** Frozen while paused; 0 once the deadline passed. */
  remainingSeconds!: number;
  pausedAt!: string | null;
  flaggedAt!: string | null;
  submittedAt!: string | null;
  closedBy!: string | null;
  lastSavedAt!: string | null;
  answered!: number;
}

export class BoardCandidateDto {
  userId!: string;
  registrationNumber!: string | null;
  ticketNumber!: string | null;
  state!: BoardState;
  flagged!: boolean;
  attempt!: BoardAttemptDto | null;
  events!: BoardEventCountsDto;
}

export class BoardSummaryDto {
  not_started!: number;
  in_progress!: number;
  paused!: number;
  submitted!: number;
  graded!: number;
  terminated!: number;
  flagged!: number;
}

export class ProctoringBoardDto {
  examId!: string;
  serverTime!: string;
  summary!: BoardSummaryDto;
  candidates!: BoardCandidateDto[];
}

export class TimelineEntryDto {
  at!: string;
  source!: 'attempt' | 'proctoring' | 'staff';
  /** started, submitted or finalised (attempt); the event kind (proctoring); the action (staff). */
  type!: string;
  rule!: ProctoringRule | null;
  outcome!: PolicyOutcome | null;
  /** copy/cut/paste, or a face check's result. */
  detail!: string | null;
  durationSeconds!: number | null;
  /** The client's own time of a proctoring event (informative only). */
  clientAt!: string | null;
  staffUserId!: string | null;
  reason!: string | null;
  minutes!: number | null;
  deadline!: string | null;
}

export class AttemptTimelineDto {
  serverTime!: string;
  userId!: string;
  examId!: string;
  state!: BoardState;
  attempt!: BoardAttemptDto;
  entries!: TimelineEntryDto[];
}

export class StaffActionResponseDto {
  actionId!: string;
  action!: StaffAction;
  takenAt!: string;
  reason!: string;
  minutes!: number | null;
  state!: BoardState;
  attempt!: BoardAttemptDto;
}
