import { boardStateOf, sumCounts } from './board';

describe('proctoring board', () => {
  it('should place each attempt state on the board, paused apart from running', () => {
    expect(boardStateOf(null)).toBe('not_started');
    expect(boardStateOf({ status: 'in_progress', pausedAt: null })).toBe('in_progress');
    expect(boardStateOf({ status: 'in_progress', pausedAt: new Date(0) })).toBe('paused');
    expect(boardStateOf({ status: 'submitted', pausedAt: null })).toBe('submitted');
    expect(boardStateOf({ status: 'graded', pausedAt: null })).toBe('graded');
    expect(boardStateOf({ status: 'terminated', pausedAt: null })).toBe('terminated');
  });

  it('should sum grouped event counts per attempt', () => {
    const sums = sumCounts([
      { attemptId: 'a', kind: 'focus_lost', rule: 'tab_switch', outcome: 'counted', count: 2 },
      { attemptId: 'a', kind: 'focus_lost', rule: 'tab_switch', outcome: 'warning', count: 1 },
      { attemptId: 'a', kind: 'focus_lost', rule: null, outcome: 'recorded', count: 4 },
      { attemptId: 'a', kind: 'idle', rule: null, outcome: 'recorded', count: 1 },
      { attemptId: 'b', kind: 'face_check', rule: 'face_check', outcome: 'counted', count: 1 },
    ]);

    expect(sums.get('a')).toMatchObject({
      total: 8,
      focusLost: 7,
      idle: 1,
      warnings: 1,
      counted: { tab_switch: 3, face_check: 0 },
    });
    expect(sums.get('b')).toMatchObject({ total: 1, faceChecks: 1, counted: { face_check: 1 } });
  });
});
