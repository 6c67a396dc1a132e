import type { PaperSnapshot } from '../paper/paper-structure';
import { PaperSnapshotCache } from './paper-snapshot-cache';

describe('PaperSnapshotCache', () => {
  const snapshot = { totalScore: 10 } as unknown as PaperSnapshot;

  it('should read a published exam’s snapshot once for every start of that publication', async () => {
    const cache = new PaperSnapshotCache();
    const load = jest.fn(() => Promise.resolve(snapshot));

    const results = await Promise.all([1, 2, 3].map(() => cache.get('exam-1', load)));
    await cache.get('exam-1', load);

    expect(results).toEqual([snapshot, snapshot, snapshot]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should forget a failed read, so the next start tries again', async () => {
    const cache = new PaperSnapshotCache();
    const failing = jest.fn(() => Promise.reject(new Error('database unavailable')));
    await expect(cache.get('exam-1', failing)).rejects.toThrow('database unavailable');
    const load = jest.fn(() => Promise.resolve(snapshot));
    expect(await cache.get('exam-1', load)).toBe(snapshot);
  });

  it('should never remember a missing snapshot', async () => {
    const cache = new PaperSnapshotCache();
    const missing = jest.fn(() => Promise.resolve(null));
    expect(await cache.get('exam-2', missing)).toBeNull();
    expect(await cache.get('exam-2', missing)).toBeNull();
    expect(missing).toHaveBeenCalledTimes(2);
  });
});
