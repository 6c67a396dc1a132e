import {
  acceptsAnswers,
  ATTEMPT_EVENTS,
  ATTEMPT_STATUSES,
  type AttemptStatus,
  isLive,
  nextAttemptStatus,
  statusAfterClosing,
} from './attempt-state';

describe(nextAttemptStatus.name, () => {
  it('should follow created → in_progress → submitted → graded', () => {
    expect(nextAttemptStatus('created', 'start')).toBe('in_progress');
    expect(nextAttemptStatus('in_progress', 'submit')).toBe('submitted');
    expect(nextAttemptStatus('submitted', 'grade')).toBe('graded');
  });

  it('should go through overdue when the deadline passes, and let staff terminate a live attempt', () => {
    expect(nextAttemptStatus('in_progress', 'expire')).toBe('overdue');
    expect(nextAttemptStatus('overdue', 'finalise')).toBe('submitted');
    for (const live of ['created', 'in_progress', 'overdue'] as const)
      expect(nextAttemptStatus(live, 'terminate')).toBe('terminated');
  });

  it('should refuse every other transition, and never leave graded or terminated', () => {
    const allowed = new Set([
      'created:start',
      'created:terminate',
      'in_progress:submit',
      'in_progress:expire',
      'in_progress:terminate',
      'overdue:finalise',
      'overdue:terminate',
      'submitted:grade',
    ]);
    for (const status of ATTEMPT_STATUSES)
      for (const event of ATTEMPT_EVENTS)
        expect([`${status}:${event}`, nextAttemptStatus(status, event) !== null]).toEqual([
          `${status}:${event}`,
          allowed.has(`${status}:${event}`),
        ]);
  });
});

describe(statusAfterClosing.name, () => {
  it('should end graded when nothing waits for a marker, else submitted', () => {
    expect(statusAfterClosing('in_progress', 'submit', false)).toBe('graded');
    expect(statusAfterClosing('in_progress', 'submit', true)).toBe('submitted');
    expect(statusAfterClosing('in_progress', 'deadline', true)).toBe('submitted');
    expect(statusAfterClosing('overdue', 'deadline', false)).toBe('graded');
  });

  it('should not close an attempt twice or a terminated one', () => {
    const closed: AttemptStatus[] = ['submitted', 'graded', 'terminated'];
    for (const status of closed) {
      expect(statusAfterClosing(status, 'submit', false)).toBeNull();
      expect(statusAfterClosing(status, 'deadline', false)).toBeNull();
    }
  });
});

describe(acceptsAnswers.name, () => {
  it('should accept answers only while in progress, and count created/in_progress/overdue as live', () => {
    expect(ATTEMPT_STATUSES.filter(acceptsAnswers)).toEqual(['in_progress']);
    expect(ATTEMPT_STATUSES.filter(isLive)).toEqual(['created', 'in_progress', 'overdue']);
  });
});
