import { actionsFor, BOARD_GROUPS, candidateLabel, groupBoard, groupOf } from './board-groups';
import type { BoardCandidate, BoardState } from './proctoring-api';

const candidate = (userId: string, state: BoardState, flagged = false, started = true): BoardCandidate => ({
  userId,
  registrationNumber: `R-${userId}`,
  ticketNumber: null,
  state,
  flagged,
  attempt: started
    ? {
        attemptId: `a-${userId}`,
        attemptNumber: 1,
        status: state,
        startedAt: '2026-03-01T08:00:00.000Z',
        deadline: '2026-03-01T08:30:00.000Z',
        saveUntil: '2026-03-01T08:30:00.000Z',
        remainingSeconds: 600,
        pausedAt: null,
        flaggedAt: flagged ? '2026-03-01T08:10:00.000Z' : null,
        submittedAt: null,
        closedBy: null,
        lastSavedAt: null,
        answered: 0,
      }
    : null,
  events: { total: 0, focusLost: 0, fullscreenExited: 0, copyPaste: 0, idle: 0, faceChecks: 0, warnings: 0 },
});

describe('board groups', () => {
  it('puts paused with in progress, graded with submitted, and flagged first whatever the state', () => {
    expect(groupOf(candidate('a', 'paused'))).toBe('in_progress');
    expect(groupOf(candidate('b', 'graded'))).toBe('submitted');
    expect(groupOf(candidate('c', 'not_started', false, false))).toBe('not_started');
    expect(groupOf(candidate('d', 'in_progress', true))).toBe('flagged');
    expect(groupOf(candidate('e', 'submitted', true))).toBe('flagged');
  });

  it('lists every section, in the server’s order within each', () => {
    const groups = groupBoard([
      candidate('1', 'in_progress'),
      candidate('2', 'submitted'),
      candidate('3', 'paused'),
      candidate('4', 'terminated'),
    ]);
    expect(Object.keys(groups)).toEqual([...BOARD_GROUPS]);
    expect(groups.in_progress.map((c) => c.userId)).toEqual(['1', '3']);
    expect(groups.submitted.map((c) => c.userId)).toEqual(['2']);
    expect(groups.terminated.map((c) => c.userId)).toEqual(['4']);
    expect(groups.flagged).toEqual([]);
    expect(groups.not_started).toEqual([]);
  });

  it('offers only the actions the attempt’s state allows', () => {
    expect(actionsFor(candidate('a', 'in_progress'))).toEqual(['add_time', 'pause', 'terminate']);
    expect(actionsFor(candidate('a', 'paused'))).toEqual(['resume', 'terminate']);
    expect(actionsFor(candidate('a', 'submitted'))).toEqual([]);
    expect(actionsFor(candidate('a', 'terminated'))).toEqual([]);
    expect(actionsFor(candidate('a', 'not_started', false, false))).toEqual([]);
  });

  it('names a candidate by ticket, else registration number, never by person', () => {
    expect(candidateLabel({ ...candidate('u1', 'in_progress'), ticketNumber: 'T-9' })).toBe('T-9');
    expect(candidateLabel(candidate('u1', 'in_progress'))).toBe('R-u1');
    expect(candidateLabel({ ...candidate('0123456789', 'in_progress'), registrationNumber: null })).toBe(
      '01234567',
    );
  });
});
