import { api } from '../../../api/http';

/** Where a candidate stands on the live board (exam service, proctoring/domain/board.ts). */
export type BoardState = 'not_started' | 'in_progress' | 'paused' | 'submitted' | 'graded' | 'terminated';
export type StaffAction = 'add_time' | 'pause' | 'resume' | 'terminate';

export interface BoardAttempt {
  attemptId: string;
  attemptNumber: number;
  status: string;
  startedAt: string;
  deadline: string;
  saveUntil: string;
  /** Frozen while paused; 0 once the deadline passed. */
  remainingSeconds: number;
  pausedAt: string | null;
  flaggedAt: string | null;
  submittedAt: string | null;
  closedBy: string | null;
  lastSavedAt: string | null;
  answered: number;
}

export interface BoardEvents {
  total: number;
  focusLost: number;
  fullscreenExited: number;
  copyPaste: number;
  idle: number;
  faceChecks: number;
  warnings: number;
}

/** One confirmed candidate (or one who sat a practice exam): numbers only, never a name. */
export interface BoardCandidate {
  userId: string;
  registrationNumber: string | null;
  ticketNumber: string | null;
  state: BoardState;
  flagged: boolean;
  attempt: BoardAttempt | null;
  events: BoardEvents;
}

export interface ProctoringBoard {
  examId: string;
  serverTime: string;
  summary: Record<BoardState | 'flagged', number>;
  candidates: BoardCandidate[];
}

export interface TimelineEntry {
  at: string;
  source: 'attempt' | 'proctoring' | 'staff';
  /** started, submitted or finalised (attempt); the event kind (proctoring); the action (staff). */
  type: string;
  rule: string | null;
  outcome: string | null;
  detail: string | null;
  durationSeconds: number | null;
  reason: string | null;
  minutes: number | null;
  deadline: string | null;
}

export interface AttemptTimeline {
  serverTime: string;
  state: BoardState;
  attempt: BoardAttempt;
  entries: TimelineEntry[];
}

export interface StaffActionResult {
  actionId: string;
  action: StaffAction;
  takenAt: string;
  reason: string;
  minutes: number | null;
  state: BoardState;
  attempt: BoardAttempt;
}

const base = (institutionId: string) => `/exam/institutions/${institutionId}`;

export function getBoard(institutionId: string, examId: string): Promise<ProctoringBoard> {
  return api<ProctoringBoard>(`${base(institutionId)}/exams/${examId}/proctoring-board`);
}

export function getTimeline(institutionId: string, attemptId: string): Promise<AttemptTimeline> {
  return api<AttemptTimeline>(`${base(institutionId)}/attempts/${attemptId}/timeline`);
}

const ACTION_PATHS: Record<StaffAction, string> = {
  add_time: 'add-time',
  pause: 'pause',
  resume: 'resume',
  terminate: 'terminate',
};

export function takeStaffAction(
  institutionId: string,
  attemptId: string,
  action: StaffAction,
  reason: string,
  minutes?: number,
): Promise<StaffActionResult> {
  return api<StaffActionResult>(`${base(institutionId)}/attempts/${attemptId}/${ACTION_PATHS[action]}`, {
    method: 'POST',
    body: action === 'add_time' ? { reason, minutes } : { reason },
  });
}
