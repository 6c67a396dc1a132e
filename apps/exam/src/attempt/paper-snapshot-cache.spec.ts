import type { PaperSnapshot } from '../paper/paper-structure';
import { PaperSnapshotCache } from './paper-snapshot-cache';

describe('PaperSnapshotCache', () => {
  const snapshot = { totalScore: 10 } as unknown as PaperSnapshot;
  const published = new Date('2026-12-01T08:00:00Z');

  it('should read a published exam’s snapshot once for every start of that publication', async () => {
    const cache = new PaperSnapshotCache();
    const load = jest.fn(() => Promise.resolve(snapshot));

    const results = await Promise.all([1, 2, 3].map(() => cache.get('exam-1', published, load)));
    await cache.get('exam-1', published, load);

    expect(results).toEqual([snapshot, snapshot, snapshot]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should forget a failed read, so the next start tries again', async () => {
    const cache = new PaperSnapshotCache();
    const failing = jest.fn(() => Promise.reject(new Error('database unavailable')));
    await expect(cache.get('exam-1', published, failing)).rejects.toThrow('database unavailable');
    const load = jest.fn(() => Promise.resolve(snapshot));
    expect(await cache.get('exam-1', published, load)).toBe(snapshot);
  });

  it('should read again after the exam is published anew, and never remember a missing snapshot', async () => {
    const cache = new PaperSnapshotCache();
    const load = jest.fn(() => Promise.resolve(snapshot));
    await cache.get('exam-1', published, load);
    await cache.get('exam-1', new Date('2026-12-02T08:00:00Z'), load);
    expect(load).toHaveBeenCalledTimes(2);

    const missing = jest.fn(() => Promise.resolve(null));
    expect(await cache.get('exam-2', published, missing)).toBeNull();
    expect(await cache.get('exam-2', published, missing)).toBeNull();
    expect(missing).toHaveBeenCalledTimes(2);
  });
});
