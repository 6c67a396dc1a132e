import type { LogEntry } from '../api/types';
import { loginTimeline } from './login-timeline';

let seq = 0;
function attempt(outcome: string, deviceRef: string | null, at: string): LogEntry {
  seq += 1;
  return {
    stream: 'accounts-login-0',
    seq,
    eventId: `e${seq}`,
    eventType: 'accounts.login.attempted',
    producer: 'accounts',
    occurredAt: at,
    recordedAt: at,
    traceId: 't',
    userId: 'u',
    actorId: 'u',
    institutionId: null,
    ip: '127.0.0.*',
    attributes: { attemptedAt: at, outcome, decision: 'allow', score: 0, rulesFired: [], deviceRef },
    hash: 'h',
  };
}

describe('the login timeline', () => {
  it('marks devices the account had not used before and counts failures (newest first)', () => {
    const oldest = attempt('success', 'dev-a', '2026-03-01T08:00:00.000Z');
    const failed = attempt('failure', 'dev-a', '2026-03-01T08:05:00.000Z');
    const newest = attempt('step_up_required', 'dev-b', '2026-03-01T08:10:00.000Z');
    const other: LogEntry = {
      ...oldest,
      eventId: 'x',
      eventType: 'accounts.password.changed',
      attributes: {},
    };
    const timeline = loginTimeline([newest, other, failed, oldest]);
    expect(timeline.rows.map((r) => [r.outcome, r.newDevice])).toEqual([
      ['step_up_required', true],
      ['failure', false],
      ['success', false],
    ]);
    expect(timeline).toMatchObject({ failures: 1, successes: 1, devices: 2 });
  });

  it('never calls the very first device new', () => {
    const timeline = loginTimeline([attempt('success', 'dev-z', '2026-03-01T08:00:00.000Z')]);
    expect(timeline.rows[0]?.newDevice).toBe(false);
  });
});
