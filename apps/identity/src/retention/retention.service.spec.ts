import type { PurgeResult } from '@exam/platform';
import { TestClock } from '@exam/testing';

import { loadIdentityEnv } from '../config/identity.env';
import type { PurgeLimits } from '../database/purge-limits';
import type { FaceAttemptBudgetRepository } from '../face/face-attempt-budget.repository';
import type { FaceChallengeRepository } from '../face/face-challenge.repository';
import type { FaceReviewRepository } from '../face/face-review.repository';
import type { FaceVerificationRepository } from '../face/face-verification.repository';
import type { PreAuthIpFailureRepository } from '../face/pre-auth-ip-failure.repository';
import type { FaceRawImageRepository } from '../face/raw-images/face-raw-image.repository';
import type { AttemptBudgetRepository } from '../real-name/attempt-budget.repository';
import type { RealNameFaceChallengeRepository } from '../real-name/face/real-name-face-challenge.repository';
import type { RealNameAppealRepository } from '../real-name/real-name-appeal.repository';
import type { VerificationAttemptRepository } from '../real-name/verification-attempt.repository';
import { RetentionService } from './retention.service';

/** A table that deletes every row whose time is at or before the cutoff it is given. */
class FakeTable {
  readonly cutoffs: (Date | string)[] = [];

  constructor(
    private rows: (Date | string)[],
    private readonly failWith?: Error,
  ) {}

  get left(): number {
    return this.rows.length;
  }

  purge = (cutoff: Date | string, limits: PurgeLimits): Promise<PurgeResult> => {
    this.cutoffs.push(cutoff);
    if (this.failWith) return Promise.reject(this.failWith);
    const gone = this.rows.filter((at) => at <= cutoff).slice(0, limits.batchSize * limits.maxBatches);
    this.rows = this.rows.filter((at) => !gone.includes(at));
    return Promise.resolve({ deleted: gone.length, batches: 1 });
  };
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

describe(RetentionService.name, () => {
  const clock = new TestClock('2026-11-26T12:00:00.000Z');
  const env = loadIdentityEnv({ RETENTION_FACE_CHECKS_DAYS: '30', RETENTION_BATCH_SIZE: '2' });
  let faceChallenges: FakeTable;
  let realNameChallenges: FakeTable;
  let rawImages: FakeTable;
  let faceChecks: FakeTable;
  let appeals: FakeTable;
  let sut: RetentionService;

  beforeEach(() => {
    faceChallenges = new FakeTable([day('2026-11-20'), day('2026-11-26')]);
    realNameChallenges = new FakeTable([], new Error('Lock wait timeout exceeded'));
    rawImages = new FakeTable([day('2026-11-25'), day('2026-12-25')]);
    faceChecks = new FakeTable([day('2026-09-01'), day('2026-10-01'), day('2026-11-01')]);
    appeals = new FakeTable([]);
    const none = new FakeTable([]);
    sut = new RetentionService(
      clock,
      env,
      { purgeExpired: faceChallenges.purge } as unknown as FaceChallengeRepository,
      { purgeExpired: realNameChallenges.purge } as unknown as RealNameFaceChallengeRepository,
      { purgeExpired: rawImages.purge } as unknown as FaceRawImageRepository,
      { purgeDeadWindows: none.purge } as unknown as PreAuthIpFailureRepository,
      { purgeBefore: none.purge } as unknown as AttemptBudgetRepository,
      { purgeOlderThan: none.purge } as unknown as VerificationAttemptRepository,
      { purgeOlderThan: faceChecks.purge } as unknown as FaceVerificationRepository,
      { purgeOrphaned: none.purge } as unknown as FaceReviewRepository,
      { purgeDecidedBefore: appeals.purge } as unknown as RealNameAppealRepository,
      { purgeBefore: none.purge } as unknown as FaceAttemptBudgetRepository,
    );
  });

  it('should delete what is past each period and keep the rest', async () => {
    const report = await sut.sweep();

    expect(report).toMatchObject({ faceChallenges: 1, faceRawImages: 1, faceChecks: 2, appeals: 0 });
    expect([faceChallenges.left, rawImages.left, faceChecks.left]).toEqual([1, 1, 1]);
  });

  it('should go on with the other classes when one fails, and report nothing deleted for it', async () => {
    const report = await sut.sweep();

    expect(report.realNameFaceChallenges).toBe(0);
    expect(report.faceChecks).toBe(2);
  });

  it('should be idempotent: a second pass finds nothing more', async () => {
    await sut.sweep();

    const again = await sut.sweep();

    expect(Object.values(again).every((deleted) => deleted === 0)).toBe(true);
  });
});
