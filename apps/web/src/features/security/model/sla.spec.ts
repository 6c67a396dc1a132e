import type { Alert } from '../api/types';
import { ageSeconds, breachedFirst, durationOf, slaStateOf } from './sla';

function alert(id: string, slaRemainingSeconds: number | null, slaBreached = false): Alert {
  return {
    id,
    severity: 'high',
    status: 'new',
    subjectKind: 'user',
    userId: null,
    institutionId: null,
    institutionIds: [],
    cause: 'brute_force',
    rulesFired: ['brute_force'],
    score: 60,
    occurrences: 1,
    assigneeId: null,
    resolution: null,
    resolutionNote: null,
    firstSeenAt: '2026-03-01T08:00:00.000Z',
    lastSeenAt: '2026-03-01T08:00:00.000Z',
    createdAt: '2026-03-01T08:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    slaDueAt: '2026-03-01T09:00:00.000Z',
    slaBreached,
    slaRemainingSeconds,
  };
}

describe('ages and the SLA clock', () => {
  it('says a duration in its largest whole unit', () => {
    expect(durationOf(42)).toEqual({ count: 42, unit: 'seconds' });
    expect(durationOf(187 * 60)).toEqual({ count: 3, unit: 'hours' });
    expect(durationOf(-600)).toEqual({ count: 10, unit: 'minutes' });
    expect(durationOf(3 * 86_400 + 5)).toEqual({ count: 3, unit: 'days' });
  });

  it('counts an age from the server time, never below zero', () => {
    const now = new Date('2026-03-01T08:30:00.000Z');
    expect(ageSeconds('2026-03-01T08:00:00.000Z', now)).toBe(1800);
    expect(ageSeconds('2026-03-01T08:31:00.000Z', now)).toBe(0);
  });

  it('tells due, breached and stopped clocks apart, and keeps counting on an open page', () => {
    expect(slaStateOf(alert('a', 1800))).toEqual({ kind: 'due', remainingSeconds: 1800 });
    expect(slaStateOf(alert('a', 1800), 2400)).toEqual({ kind: 'breached', overdueSeconds: 600 });
    expect(slaStateOf(alert('a', -60, true))).toEqual({ kind: 'breached', overdueSeconds: 60 });
    expect(slaStateOf(alert('a', null))).toEqual({ kind: 'stopped' });
  });

  it('puts breached alerts first, most overdue first, and keeps the rest in API order', () => {
    const sorted = breachedFirst([
      alert('due', 100),
      alert('late', -10, true),
      alert('stopped', null),
      alert('later', -500, true),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['later', 'late', 'due', 'stopped']);
  });
});
