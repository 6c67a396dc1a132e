import { FakeScheduler, settle } from './fake-scheduler';
import { MemoryQueueStore, type PendingSave } from './queue-store';
import { type SaveFailureKind, SaveQueue } from './save-queue';
import type { SaveAnswerResponse } from './types';

class Offline extends Error {}
class Refused extends Error {
  constructor(readonly kind: SaveFailureKind) {
    super(kind);
  }
}

const clock = { serverTime: '', deadline: '', saveUntil: '', remainingSeconds: 60 };

function setUp(options: { serverNow?: () => number } = {}) {
  const scheduler = new FakeScheduler();
  const store = new MemoryQueueStore();
  const sent: PendingSave[] = [];
  let next: ((save: PendingSave) => Promise<SaveAnswerResponse>) | null = null;
  let keys = 0;
  const ok = (save: PendingSave): Promise<SaveAnswerResponse> =>
    Promise.resolve({
      applied: true,
      held: { questionId: save.questionId, seq: save.seq, answer: save.answer, savedAt: '' },
      clock,
    });
  const saved: PendingSave[] = [];
  const rejected: PendingSave[] = [];
  const stopped: unknown[] = [];
  const queue = new SaveQueue({
    store,
    scheduler,
    newKey: () => `key-${String((keys += 1)).padStart(4, '0')}`,
    classify: (e) => (e instanceof Refused ? e.kind : e instanceof Offline ? 'network' : 'retry'),
    send: (save) => {
      sent.push(save);
      return (next ?? ok)(save);
    },
    onSaved: (save) => saved.push(save),
    onRejected: (save) => rejected.push(save),
    onStopped: (e) => stopped.push(e),
    ...options,
  });
  return {
    scheduler,
    store,
    sent,
    saved,
    rejected,
    stopped,
    queue,
    respond: (fn: ((save: PendingSave) => Promise<SaveAnswerResponse>) | null) => {
      next = fn;
    },
  };
}

describe('SaveQueue', () => {
  it('should send every change with increasing seq and its own key, and end saved', async () => {
    const t = setUp();
    t.queue.edit('q1', { choice: 'A' });
    t.queue.edit('q2', { truth: true });
    expect(t.queue.getState().status).toBe('saving');
    await t.scheduler.advance(0);
    expect(t.sent.map((s) => [s.questionId, s.seq])).toEqual([
      ['q1', 1],
      ['q2', 2],
    ]);
    expect(new Set(t.sent.map((s) => s.idempotencyKey)).size).toBe(2);
    expect(t.queue.getState()).toEqual({ status: 'saved', pending: 0 });
    expect(t.store.saves.size).toBe(0);
  });

  it('should keep each change in the store until the server confirms it', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Offline()));
    t.queue.edit('q1', { choice: 'A' });
    await t.scheduler.advance(0);
    expect(t.store.saves.get('q1')?.answer).toEqual({ choice: 'A' });
    expect(t.queue.getState().status).toBe('offline');
  });

  it('should retry with backoff keeping the same key and seq, and retry at once when told the connection is back', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Offline()));
    t.queue.edit('q1', { choice: 'A' });
    await t.scheduler.advance(0);
    await t.scheduler.advance(999);
    expect(t.sent).toHaveLength(1);
    await t.scheduler.advance(1);
    expect(t.sent).toHaveLength(2); // after 1 s
    await t.scheduler.advance(1_999);
    expect(t.sent).toHaveLength(2);
    await t.scheduler.advance(1);
    expect(t.sent).toHaveLength(3); // after 2 s more
    t.respond(null);
    t.queue.retryNow();
    await settle();
    expect(t.sent).toHaveLength(4);
    expect(new Set(t.sent.map((s) => `${s.idempotencyKey}/${s.seq}`)).size).toBe(1);
    expect(t.queue.getState().status).toBe('saved');
  });

  it('should coalesce repeated edits of one question into its latest answer', async () => {
    const t = setUp();
    t.queue.edit('essay', { text: 'a' }, 800);
    await t.scheduler.advance(300);
    t.queue.edit('essay', { text: 'ab' }, 800);
    await t.scheduler.advance(300);
    t.queue.edit('essay', { text: 'abc' }, 800);
    await t.scheduler.advance(799);
    expect(t.sent).toHaveLength(0);
    await t.scheduler.advance(1);
    expect(t.sent.map((s) => s.answer)).toEqual([{ text: 'abc' }]);
    expect(t.sent[0]?.seq).toBe(3);
  });

  it('should send a newer edit made while an older one was in flight, and keep the newer in the store', async () => {
    const t = setUp();
    let release: () => void = () => undefined;
    t.respond(
      (save) =>
        new Promise((resolve) => {
          release = () => {
            resolve({ applied: true, held: { ...save, savedAt: '' }, clock });
          };
        }),
    );
    t.queue.edit('q1', { choice: 'A' });
    await settle();
    t.queue.edit('q1', { choice: 'B' });
    t.respond(null);
    release();
    await t.scheduler.advance(0);
    expect(t.sent.map((s) => s.answer)).toEqual([{ choice: 'A' }, { choice: 'B' }]);
    expect(t.queue.getState().status).toBe('saved');
  });

  it('should send changes in sequence order after being offline', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Offline()));
    t.queue.edit('q1', { choice: 'A' });
    t.queue.edit('q2', { choice: 'B' });
    t.queue.edit('q3', { choice: 'C' });
    await t.scheduler.advance(0);
    t.sent.length = 0;
    t.respond(null);
    t.queue.retryNow();
    await t.scheduler.advance(0);
    expect(t.sent.map((s) => s.questionId)).toEqual(['q1', 'q2', 'q3']);
  });

  it('should drop a save the server refuses for good and say why', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Refused('reject')));
    t.queue.edit('q1', { choice: 'Z' });
    await t.scheduler.advance(0);
    expect(t.rejected).toHaveLength(1);
    expect(t.queue.getState().status).toBe('failed');
    expect(t.store.saves.size).toBe(0);
    t.respond(null);
    t.queue.edit('q1', { choice: 'A' });
    await t.scheduler.advance(0);
    expect(t.queue.getState().status).toBe('saved');
  });

  it('should stop sending when the device may save nothing more (taken over, closed)', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Refused('stop')));
    t.queue.edit('q1', { choice: 'A' });
    t.queue.edit('q2', { choice: 'A' });
    await t.scheduler.advance(60_000);
    expect(t.sent).toHaveLength(1);
    expect(t.stopped).toHaveLength(1);
    expect(t.queue.getState().status).toBe('stopped');
  });

  it('should restore: local unsent changes with a higher seq win, older ones are dropped', async () => {
    const t = setUp();
    await t.store.put({ questionId: 'q1', seq: 10, idempotencyKey: 'k1-local', answer: { choice: 'B' } });
    await t.store.put({ questionId: 'q2', seq: 3, idempotencyKey: 'k2-local', answer: { choice: 'C' } });
    t.respond(() => Promise.reject(new Offline()));
    const answers = await t.queue.restore([
      { questionId: 'q1', seq: 5, answer: { choice: 'A' }, savedAt: '' },
      { questionId: 'q2', seq: 7, answer: { choice: 'D' }, savedAt: '' },
      { questionId: 'q3', seq: 8, answer: { truth: true }, savedAt: '' },
    ]);
    expect(Object.fromEntries(answers)).toEqual({
      q1: { choice: 'B' },
      q2: { choice: 'D' },
      q3: { truth: true },
    });
    await t.scheduler.advance(0);
    expect(t.sent.map((s) => [s.questionId, s.seq, s.idempotencyKey])).toEqual([['q1', 10, 'k1-local']]);
    expect([...t.store.saves.keys()]).toEqual(['q1']);
    // the next change goes above everything seen
    expect(t.queue.edit('q3', { truth: false }).seq).toBe(11);
  });

  it('should number changes from the server time, so a new device starts above the old', async () => {
    const t = setUp({ serverNow: () => 1_700_000_000_000 });
    expect(t.queue.edit('q1', { choice: 'A' }).seq).toBe(1_700_000_000_000);
    expect(t.queue.edit('q1', { choice: 'B' }).seq).toBe(1_700_000_000_001);
    await t.scheduler.advance(0);
  });

  it('should resolve flush once every change is confirmed, sending debounced ones at once', async () => {
    const t = setUp();
    t.queue.edit('essay', { text: 'x' }, 5_000);
    let done = false;
    void t.queue.flush().then(() => {
      done = true;
    });
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(done).toBe(true);
  });

  it('should forget everything after submission', async () => {
    const t = setUp();
    t.respond(() => Promise.reject(new Offline()));
    t.queue.edit('q1', { choice: 'A' });
    await t.scheduler.advance(0);
    await t.queue.clear();
    expect(t.store.saves.size).toBe(0);
    await t.scheduler.advance(60_000);
    expect(t.sent).toHaveLength(1);
  });
});
