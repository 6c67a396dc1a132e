import type { DomainError } from '@exam/platform';

import { jpegBomb, pngBomb } from '../../../test/support/image-bombs';
import { WorkerPoolFaceEngine } from './worker-pool-face-engine';

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'resolved';
  } catch (error) {
    return (error as DomainError).code;
  }
}

/** One real worker (loads the model once, ~1 s of CPU); image content is not needed for these paths. */
describe(WorkerPoolFaceEngine.name, () => {
  let sut: WorkerPoolFaceEngine;

  beforeAll(async () => {
    sut = await WorkerPoolFaceEngine.start({ workers: 1 });
  }, 60_000);

  afterAll(async () => {
    await sut.close();
  });

  it('should answer an undecodable capture with FACE.IMAGE_INVALID and keep serving', async () => {
    expect(await codeOf(sut.analyse(Buffer.from('not an image')))).toBe('FACE.IMAGE_INVALID');
    expect(
      await codeOf(sut.analyse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))),
    ).toBe('FACE.IMAGE_INVALID');
  });

  it('should refuse a small file declaring a huge image with FACE.IMAGE_TOO_LARGE and keep serving', async () => {
    const before = process.memoryUsage().arrayBuffers;

    const codes = await Promise.all(
      [pngBomb(100_000, 100_000), jpegBomb(60_000, 60_000), pngBomb(2049, 10)].map((b) =>
        codeOf(sut.analyse(b)),
      ),
    );

    expect(codes).toEqual(['FACE.IMAGE_TOO_LARGE', 'FACE.IMAGE_TOO_LARGE', 'FACE.IMAGE_TOO_LARGE']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(await codeOf(sut.analyse(Buffer.from('still serving')))).toBe('FACE.IMAGE_INVALID');
  });

  it('should queue concurrent captures on one worker and answer each', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => codeOf(sut.analyse(Buffer.from(`junk ${n}`)))));

    expect(results).toEqual(['FACE.IMAGE_INVALID', 'FACE.IMAGE_INVALID', 'FACE.IMAGE_INVALID']);
  });

  it('should refuse work after close with FACE.ENGINE_UNAVAILABLE', async () => {
    const closing = await WorkerPoolFaceEngine.start({ workers: 1 });
    const pending = codeOf(closing.analyse(Buffer.from('queued while closing')));
    await closing.close();

    expect(await codeOf(closing.analyse(Buffer.from('x')))).toBe('FACE.ENGINE_UNAVAILABLE');
    expect(['FACE.ENGINE_UNAVAILABLE', 'FACE.IMAGE_INVALID']).toContain(await pending);
  }, 60_000);
});
