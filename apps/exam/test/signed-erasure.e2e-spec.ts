import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import type { DeadLetterRecord } from '@exam/platform';
import {
  commandForgeries,
  expectEventually,
  type ProbedMessage,
  type ServiceTestBed,
  testEnvelope,
} from '@exam/testing';

import type { ExamEnv } from '../src/config/exam.env';
import { startExamBed } from './support/exam-bed';

/** #12 item 10: exam erases a candidate only on accounts' signed request; forgeries are dead-lettered. */
describe('exam: signed erasure and verification commands', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let erasureDlq: ProbedMessage[];
  let verificationDlq: ProbedMessage[];

  beforeAll(async () => {
    bed = await startExamBed();
    erasureDlq = await bed.collect(Topics.ErasureRequested, { deadLetter: true });
    verificationDlq = await bed.collect(Topics.VerificationCompleted, { deadLetter: true });
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  async function isVerified(userId: string): Promise<boolean> {
    const rows: unknown[] = await bed.dataSource.query(
      'SELECT 1 FROM verified_candidates WHERE user_id = ?',
      [userId],
    );
    return rows.length === 1;
  }

  function verification(userId: string): string {
    return JSON.stringify(
      testEnvelope(Topics.VerificationCompleted, userId, {
        userId,
        verificationId: randomUUID(),
        result: 'match',
        maskedName: '王*',
        maskedIdNumber: '3301**********5678',
        minor: false,
      }),
    );
  }

  function erasure(userId: string): string {
    return JSON.stringify(
      testEnvelope(Topics.ErasureRequested, userId, {
        userId,
        requestId: randomUUID(),
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
    );
  }

  function reasonsFor(dlq: readonly ProbedMessage[], userId: string): string[] {
    return dlq
      .map((m) => JSON.parse(m.value ?? '{}') as DeadLetterRecord)
      .filter((r) => r.original?.includes(userId) === true)
      .map((r) => r.reason.split(':')[0] ?? '')
      .sort();
  }

  it('should keep a candidate through every forged erasure and erase on the signed one', async () => {
    const userId = randomUUID();
    const physical = bed.names.physical(Topics.ErasureRequested);
    await bed.probe.produce(bed.names.physical(Topics.VerificationCompleted), [
      { key: userId, value: verification(userId) },
    ]);
    await expectEventually(async () => {
      expect(await isVerified(userId)).toBe(true);
    });

    const forged = erasure(userId);
    const forgeries = commandForgeries(Topics.ErasureRequested, erasure(randomUUID()));
    for (const forgery of forgeries) await forgery.send(bed.probe, physical, userId, forged);
    await expectEventually(() => {
      expect(reasonsFor(erasureDlq, userId)).toEqual(forgeries.map((f) => f.reason).sort());
    });
    expect(await isVerified(userId)).toBe(true);

    await bed.probe.produce(physical, [{ key: userId, value: forged }]);
    await expectEventually(async () => {
      expect(await isVerified(userId)).toBe(false);
    });
  });

  it('should not mark a candidate verified on a forged verification result', async () => {
    const userId = randomUUID();
    const physical = bed.names.physical(Topics.VerificationCompleted);
    const forgeries = commandForgeries(Topics.VerificationCompleted, verification(randomUUID()));
    for (const forgery of forgeries) await forgery.send(bed.probe, physical, userId, verification(userId));
    await expectEventually(() => {
      expect(reasonsFor(verificationDlq, userId)).toEqual(forgeries.map((f) => f.reason).sort());
    });
    expect(await isVerified(userId)).toBe(false);
  });
});
