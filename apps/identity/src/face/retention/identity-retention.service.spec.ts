import type { PurgeResult } from '@exam/platform';
import { TestClock } from '@exam/testing';

import { IdentityRetentionService } from './identity-retention.service';
import type { RetentionStep } from './retention-step';

const NOW = new Date('2026-11-26T12:00:00.000Z');

class RecordingStep implements RetentionStep {
  readonly seen: Date[] = [];

  constructor(
    readonly name: string,
    private readonly outcome: PurgeResult | Error,
  ) {}

  purge(now: Date): Promise<PurgeResult> {
    this.seen.push(now);
    return this.outcome instanceof Error ? Promise.reject(this.outcome) : Promise.resolve(this.outcome);
  }
}

describe(IdentityRetentionService.name, () => {
  let sut: IdentityRetentionService;

  beforeEach(() => {
    sut = new IdentityRetentionService(new TestClock(NOW));
  });

  it('should run every registered step once per pass, in order, with the same instant', async () => {
    const images = new RecordingStep('face_raw_images', { deleted: 2, batches: 1 });
    const challenges = new RecordingStep('face_challenges', { deleted: 0, batches: 1 });
    sut.register(images);
    sut.register(challenges);

    const pass = await sut.runPass();

    expect(pass).toEqual({
      at: NOW,
      steps: [
        { step: 'face_raw_images', ok: true, deleted: 2, batches: 1 },
        { step: 'face_challenges', ok: true, deleted: 0, batches: 1 },
      ],
    });
    expect([...images.seen, ...challenges.seen]).toEqual([NOW, NOW]);
  });

  it('should go on with the other steps when one fails, and report the failure', async () => {
    const failing = new RecordingStep('face_challenges', new Error('Lock wait timeout exceeded'));
    const after = new RecordingStep('real_name_face_challenges', { deleted: 5, batches: 1 });
    sut.register(failing);
    sut.register(after);

    const pass = await sut.runPass();

    expect(pass.steps).toEqual([
      { step: 'face_challenges', ok: false, error: 'Lock wait timeout exceeded' },
      { step: 'real_name_face_challenges', ok: true, deleted: 5, batches: 1 },
    ]);
  });

  it('should refuse a second step with the same name', () => {
    sut.register(new RecordingStep('face_challenges', { deleted: 0, batches: 1 }));

    expect(() => {
      sut.register(new RecordingStep('face_challenges', { deleted: 0, batches: 1 }));
    }).toThrow('registered twice');
    expect(sut.stepNames()).toEqual(['face_challenges']);
  });
});
