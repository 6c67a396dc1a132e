import type { BoardCandidate, BoardState, StaffAction } from './proctoring-api';

/**
 * The board's sections, in the order an invigilator needs them: flagged attempts first (they need a look,
 * whatever their state), then those writing now, those yet to start, the finished and the terminated.
 */
export const BOARD_GROUPS = ['flagged', 'in_progress', 'not_started', 'submitted', 'terminated'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

const GROUP_OF_STATE: Record<BoardState, BoardGroup> = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  paused: 'in_progress',
  submitted: 'submitted',
  graded: 'submitted',
  terminated: 'terminated',
};

export function groupOf(candidate: BoardCandidate): BoardGroup {
  return candidate.flagged ? 'flagged' : GROUP_OF_STATE[candidate.state];
}

/** Candidates by section (every section present, maybe empty), each in the server's order. Pure. */
export function groupBoard(candidates: readonly BoardCandidate[]): Record<BoardGroup, BoardCandidate[]> {
  const groups = Object.fromEntries(BOARD_GROUPS.map((g) => [g, [] as BoardCandidate[]])) as Record<
    BoardGroup,
    BoardCandidate[]
  >;
  for (const candidate of candidates) groups[groupOf(candidate)].push(candidate);
  return groups;
}

/**
 * What staff may do to the candidate's attempt now (the server decides in the end): add time and pause a
 * running attempt, resume a paused one, terminate either. Nothing before the start or after the end. Pure.
 */
export function actionsFor(candidate: BoardCandidate): StaffAction[] {
  if (candidate.attempt === null) return [];
  if (candidate.state === 'in_progress') return ['add_time', 'pause', 'terminate'];
  if (candidate.state === 'paused') return ['resume', 'terminate'];
  return [];
}

/** How a candidate is named on the board: the ticket number, else the registration number, else a short id. */
export function candidateLabel(candidate: BoardCandidate): string {
  return candidate.ticketNumber ?? candidate.registrationNumber ?? candidate.userId.slice(0, 8);
}
