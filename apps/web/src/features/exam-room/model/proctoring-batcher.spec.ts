import { FakeScheduler } from './fake-scheduler';
import { AwayTracker, IdleTracker, ProctoringBatcher, type ReportFailureKind } from './proctoring-batcher';
import type { ProctoringEvent, ProctoringReport } from './types';

class Failure extends Error {
  constructor(readonly kind: ReportFailureKind) {
    super(kind);
  }
}

const report = (events: readonly ProctoringEvent[]): ProctoringReport => ({
  attemptId: 'a',
  serverTime: '',
  recorded: events.length,
  duplicates: 0,
  events: events.map((e) => ({
    clientEventId: e.clientEventId,
    kind: e.kind,
    duplicate: false,
    rule: null,
    outcome: 'recorded',
  })),
  policy: {
    outcome: 'warning',
    warnings: 1,
    flagged: false,
    terminated: false,
    counted: { tab_switch: 1, full_screen: 0, copy_paste: 0, face_check: 0 },
    allowances: { tab_switch: 0, full_screen: 0, copy_paste: 0, face_check: 0 },
    consequence: 'warn',
  },
});

function setUp() {
  const scheduler = new FakeScheduler();
  const batches: ProctoringEvent[][] = [];
  const reports: ProctoringReport[] = [];
  const stopped: unknown[] = [];
  let fail: Failure | null = null;
  let ids = 0;
  const batcher = new ProctoringBatcher({
    scheduler,
    newId: () => `event-${String((ids += 1)).padStart(4, '0')}`,
    classify: (e) => (e instanceof Failure ? e.kind : 'retry'),
    send: (events) => {
      batches.push([...events]);
      return fail ? Promise.reject(fail) : Promise.resolve(report(events));
    },
    onReport: (r) => reports.push(r),
    onStopped: (e) => stopped.push(e),
    delayMs: 3_000,
    maxBatch: 2,
  });
  return {
    scheduler,
    batches,
    reports,
    stopped,
    batcher,
    failWith: (f: Failure | null) => {
      fail = f;
    },
  };
}

describe('ProctoringBatcher', () => {
  it('should gather events for a few seconds and send them together', async () => {
    const t = setUp();
    t.batcher.record({ kind: 'copy_paste', clipboardAction: 'copy' });
    await t.scheduler.advance(1_000);
    t.batcher.record({ kind: 'idle', durationSeconds: 130 });
    await t.scheduler.advance(1_999);
    expect(t.batches).toHaveLength(0);
    await t.scheduler.advance(1);
    expect(t.batches.map((b) => b.map((e) => e.kind))).toEqual([['copy_paste', 'idle']]);
    expect(t.reports).toHaveLength(1);
  });

  it('should send an urgent event at once and split long queues into batches', async () => {
    const t = setUp();
    t.batcher.record({ kind: 'idle', durationSeconds: 200 });
    t.batcher.record({ kind: 'idle', durationSeconds: 300 });
    t.batcher.record({ kind: 'focus_lost', durationSeconds: 9 }, true);
    await t.scheduler.advance(0);
    expect(t.batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('should retry a report unanswered with the same event ids, new events behind it', async () => {
    const t = setUp();
    t.failWith(new Failure('network'));
    t.batcher.record({ kind: 'focus_lost', durationSeconds: 9 }, true);
    await t.scheduler.advance(0);
    t.batcher.record({ kind: 'fullscreen_exited' }, true);
    await t.scheduler.advance(500);
    expect(t.batches).toHaveLength(1);
    t.failWith(null);
    await t.scheduler.advance(500);
    expect(t.batches[1]?.map((e) => e.clientEventId)).toEqual(['event-0001', 'event-0002']);
    expect(t.batches[0]?.[0]?.clientEventId).toBe('event-0001');
    expect(t.batcher.pending).toBe(0);
  });

  it('should stop when the attempt takes no more reports', async () => {
    const t = setUp();
    t.failWith(new Failure('stop'));
    t.batcher.record({ kind: 'focus_lost', durationSeconds: 9 }, true);
    await t.scheduler.advance(0);
    t.batcher.record({ kind: 'focus_lost', durationSeconds: 9 }, true);
    await t.scheduler.advance(60_000);
    expect(t.batches).toHaveLength(1);
    expect(t.stopped).toHaveLength(1);
  });

  it('should drop a report the server refuses as malformed and go on', async () => {
    const t = setUp();
    t.failWith(new Failure('drop'));
    t.batcher.record({ kind: 'idle' }, true);
    await t.scheduler.advance(0);
    t.failWith(null);
    t.batcher.record({ kind: 'idle', durationSeconds: 130 }, true);
    await t.scheduler.advance(0);
    expect(t.batches.map((b) => b.length)).toEqual([1, 1]);
    expect(t.reports).toHaveLength(1);
  });
});

describe('AwayTracker', () => {
  it('should count one departure once, from the first signal to the return', () => {
    const away = new AwayTracker();
    expect(away.back(1_000)).toBeNull();
    away.leave(1_000);
    away.leave(1_500); // blur after visibilitychange
    expect(away.away).toBe(true);
    expect(away.back(7_400)).toBe(6);
    expect(away.back(8_000)).toBeNull();
  });
});

describe('IdleTracker', () => {
  it('should report a pause of input longer than the threshold when activity resumes', () => {
    const idle = new IdleTracker(0, 60_000);
    expect(idle.activity(30_000)).toBeNull();
    expect(idle.activity(100_000)).toBe(70);
    expect(idle.activity(101_000)).toBeNull();
  });
});
