import { remainingSeconds } from '../../attempt/domain/attempt-timing';
import type { AntiCheatPolicy } from '../../exam/exam-settings';
import { BOARD_STATES, boardStateOf } from '../domain/board';
import type { FaceCheckResult } from '../domain/proctoring-event';
import { allowanceOf, PROCTORING_RULES, type ProctoringTally } from '../domain/proctoring-policy';
import type { ControlledAttemptRow, SaveSummary } from '../proctored-attempt.repository';
import type { Board, Timeline } from '../proctoring-board.service';
import type { ReportResult } from '../proctoring-events.service';
import type { StaffActionResult } from '../proctoring-staff.service';
import type {
  AttemptTimelineDto,
  BoardAttemptDto,
  BoardSummaryDto,
  ProctoringBoardDto,
  ReportProctoringEventsResponseDto,
  RuleCountsDto,
  StaffActionResponseDto,
  TimelineEntryDto,
} from './proctoring-responses.dto';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function allowances(policy: AntiCheatPolicy): RuleCountsDto {
  return Object.fromEntries(
    PROCTORING_RULES.map((r) => [r, allowanceOf(policy, r)]),
  ) as unknown as RuleCountsDto;
}

function counted(tally: ProctoringTally): RuleCountsDto {
  return { ...tally.counts };
}

export function toReportDto(result: ReportResult): ReportProctoringEventsResponseDto {
  const duplicates = result.events.filter((e) => e.duplicate).length;
  return {
    attemptId: result.attemptId,
    serverTime: result.now.toISOString(),
    recorded: result.events.length - duplicates,
    duplicates,
    events: result.events.map(({ event, duplicate }) => ({
      clientEventId: event.clientEventId,
      kind: event.kind,
      duplicate,
      recordedAt: event.recordedAt.toISOString(),
      rule: event.rule,
      outcome: event.outcome,
      faceCheck: event.kind === 'face_check' ? (event.detail as FaceCheckResult | null) : null,
    })),
    policy: {
      outcome: result.outcome,
      warnings: result.tally.warnings,
      flagged: result.tally.flagged,
      terminated: result.tally.terminated,
      counted: counted(result.tally),
      allowances: allowances(result.policy),
      consequence: result.policy.consequence,
    },
  };
}

export function toBoardAttemptDto(
  attempt: ControlledAttemptRow,
  saves: SaveSummary,
  now: Date,
): BoardAttemptDto {
  return {
    attemptId: attempt.id,
    attemptNumber: attempt.attemptNo,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadlineAt.toISOString(),
    saveUntil: attempt.saveUntil.toISOString(),
    remainingSeconds:
      attempt.status === 'in_progress' ? remainingSeconds(attempt.deadlineAt, attempt.pausedAt ?? now) : 0,
    pausedAt: iso(attempt.pausedAt),
    flaggedAt: iso(attempt.flaggedAt),
    submittedAt: iso(attempt.submittedAt),
    closedBy: attempt.closedBy,
    lastSavedAt: iso(saves.lastSavedAt),
    answered: saves.answered,
  };
}

export function toBoardDto(board: Board): ProctoringBoardDto {
  const summary = Object.fromEntries([
    ...BOARD_STATES.map((s) => [s, 0]),
    ['flagged', 0],
  ]) as unknown as Record<keyof BoardSummaryDto, number>;
  const candidates = board.rows.map((row) => {
    summary[row.state] += 1;
    const flagged = (row.attempt?.flaggedAt ?? null) !== null;
    if (flagged) summary.flagged += 1;
    return {
      userId: row.userId,
      registrationNumber: row.registrationNumber,
      ticketNumber: row.ticketNumber,
      state: row.state,
      flagged,
      attempt: row.attempt === null ? null : toBoardAttemptDto(row.attempt, row.saves, board.now),
      events: { ...row.events, counted: { ...row.events.counted } },
    };
  });
  return { examId: board.examId, serverTime: board.now.toISOString(), summary, candidates };
}

const BLANK_ENTRY: Omit<TimelineEntryDto, 'at' | 'source' | 'type'> = {
  rule: null,
  outcome: null,
  detail: null,
  durationSeconds: null,
  clientAt: null,
  staffUserId: null,
  reason: null,
  minutes: null,
  deadline: null,
};

export function toTimelineDto(timeline: Timeline): AttemptTimelineDto {
  const { attempt } = timeline;
  const entries: TimelineEntryDto[] = [
    { ...BLANK_ENTRY, at: attempt.startedAt.toISOString(), source: 'attempt', type: 'started' },
    ...timeline.events.map((e): TimelineEntryDto => ({
      ...BLANK_ENTRY,
      at: e.recordedAt.toISOString(),
      source: 'proctoring',
      type: e.kind,
      rule: e.rule,
      outcome: e.outcome,
      detail: e.detail,
      durationSeconds: e.durationSeconds,
      clientAt: iso(e.clientAt),
    })),
    ...timeline.actions.map((a): TimelineEntryDto => ({
      ...BLANK_ENTRY,
      at: a.takenAt.toISOString(),
      source: 'staff',
      type: a.action,
      staffUserId: a.staffUserId,
      reason: a.reason,
      minutes: a.minutes,
      deadline: a.deadlineAt.toISOString(),
    })),
  ];
  if (attempt.submittedAt !== null)
    entries.push({
      ...BLANK_ENTRY,
      at: attempt.submittedAt.toISOString(),
      source: 'attempt',
      type: attempt.closedBy === 'deadline' ? 'finalised' : 'submitted',
    });
  // Stable: entries of the same instant keep their order (start, events, actions, submission).
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return {
    serverTime: timeline.now.toISOString(),
    userId: attempt.userId,
    examId: attempt.examId,
    state: boardStateOf(attempt),
    attempt: toBoardAttemptDto(attempt, timeline.saves, timeline.now),
    entries,
  };
}

export function toStaffActionDto(result: StaffActionResult): StaffActionResponseDto {
  return {
    actionId: result.action.id,
    action: result.action.action,
    takenAt: result.action.takenAt.toISOString(),
    reason: result.action.reason,
    minutes: result.action.minutes,
    state: boardStateOf(result.attempt),
    attempt: toBoardAttemptDto(result.attempt, result.saves, result.now),
  };
}
