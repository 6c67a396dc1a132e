import { FlagKeeper, type FlagStore, flagsToStore, MemoryFlagStore, restoreFlags } from './flags';

const PAPER = ['q1', 'q2', 'q3'];

/** A store whose every call fails, as IndexedDB does in some private windows. */
class BrokenStore implements FlagStore {
  load(): Promise<readonly unknown[]> {
    return Promise.reject(new Error('no IndexedDB'));
  }
  save(): Promise<void> {
    return Promise.reject(new Error('no IndexedDB'));
  }
  clear(): Promise<void> {
    return Promise.reject(new Error('no IndexedDB'));
  }
}

/** Records the order in which writes finish; the first write is slow. */
class SlowFirstStore extends MemoryFlagStore {
  readonly finished: string[][] = [];
  private calls = 0;

  override async save(questionIds: readonly string[]): Promise<void> {
    this.calls += 1;
    if (this.calls === 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await super.save(questionIds);
    this.finished.push([...questionIds]);
  }
}

describe('flags kept per attempt', () => {
  it('should restore only ids of this paper, dropping stale and damaged entries', () => {
    expect([...restoreFlags(['q3', 'q9', 42, null, 'q1', 'q3'], PAPER)]).toEqual(['q3', 'q1']);
    expect(restoreFlags([], PAPER).size).toBe(0);
  });

  it('should store the flagged questions in paper order, nothing else', () => {
    expect(flagsToStore(new Set(['q3', 'gone', 'q1']), PAPER)).toEqual(['q1', 'q3']);
    expect(flagsToStore(new Set(), PAPER)).toEqual([]);
  });

  it('should bring back what was kept, as a reload does with a new keeper on the same store', async () => {
    const store = new MemoryFlagStore();
    await new FlagKeeper(store, PAPER).keep(new Set(['q2', 'q3']));
    const restored = await new FlagKeeper(store, PAPER).restore();
    expect([...restored]).toEqual(['q2', 'q3']);
  });

  it('should write changes in the order they were made, so the last one wins', async () => {
    const store = new SlowFirstStore();
    const keeper = new FlagKeeper(store, PAPER);
    const first = keeper.keep(new Set(['q1']));
    const second = keeper.keep(new Set(['q1', 'q2']));
    await Promise.all([first, second]);
    expect(store.finished).toEqual([['q1'], ['q1', 'q2']]);
    expect(store.saved).toEqual(['q1', 'q2']);
  });

  it('should forget everything after submission', async () => {
    const store = new MemoryFlagStore();
    const keeper = new FlagKeeper(store, PAPER);
    await keeper.keep(new Set(['q2']));
    await keeper.forget();
    expect(store.saved).toBeNull();
    expect((await keeper.restore()).size).toBe(0);
  });

  it('should keep the room going when storage fails: nothing restored, writes do not throw', async () => {
    const keeper = new FlagKeeper(new BrokenStore(), PAPER);
    expect((await keeper.restore()).size).toBe(0);
    await expect(keeper.keep(new Set(['q1']))).resolves.toBeUndefined();
    await expect(keeper.forget()).resolves.toBeUndefined();
  });
});
