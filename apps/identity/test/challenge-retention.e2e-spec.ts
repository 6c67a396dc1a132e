import { randomUUID } from 'node:crypto';

import { ServiceTestBed } from '@exam/testing';
import type { DataSource } from 'typeorm';

import { IdentityEnv } from '../src/config/identity.env';
import { FaceChallengeEntity } from '../src/face/face-challenge.entity';
import { CHALLENGE_PURGE_BATCH } from '../src/face/retention/challenge-retention';
import { IdentityRetentionService } from '../src/face/retention/identity-retention.service';
import { IdentityModule } from '../src/identity.module';
import { RealNameFaceChallengeEntity } from '../src/real-name/face/real-name-face-challenge.entity';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

type ChallengeTable = 'face_challenges' | 'real_name_face_challenges';

/** Challenge rows around the one-day grace: which the pass must delete and which it must keep. */
const CASES = [
  { label: 'unused, expired two days ago', expiresInMs: -2 * DAY_MS, used: false, purged: true },
  {
    label: 'used, expired a day and a minute ago',
    expiresInMs: -DAY_MS - MINUTE_MS,
    used: true,
    purged: true,
  },
  {
    label: 'unused, expired five minutes short of a day ago',
    expiresInMs: -DAY_MS + 5 * MINUTE_MS,
    used: false,
    purged: false,
  },
  { label: 'used, expired a minute ago', expiresInMs: -MINUTE_MS, used: true, purged: false },
  { label: 'live, expires in two minutes', expiresInMs: 2 * MINUTE_MS, used: false, purged: false },
] as const;

describe('identity retention of face challenges (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let data: DataSource;
  let sut: IdentityRetentionService;

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => IdentityModule.register(env),
    });
    data = bed.dataSource;
    sut = bed.service.app.get(IdentityRetentionService);
  });

  afterAll(async () => {
    await bed.close();
  });

  beforeEach(async () => {
    await data.query('DELETE FROM face_challenges');
    await data.query('DELETE FROM real_name_face_challenges');
  });

  function faceChallenge(expiresAt: Date, used: boolean): FaceChallengeEntity {
    return Object.assign(new FaceChallengeEntity(), {
      id: randomUUID(),
      userId: randomUUID(),
      purpose: 'exam_entry',
      examId: null,
      ref: null,
      nonce: 'n'.repeat(43),
      steps: ['turn_left', 'look_straight', 'turn_right'],
      createdAt: new Date(expiresAt.getTime() - 2 * MINUTE_MS),
      expiresAt,
      usedAt: used ? new Date(expiresAt.getTime() - MINUTE_MS) : null,
    });
  }

  function realNameChallenge(expiresAt: Date, used: boolean): RealNameFaceChallengeEntity {
    return Object.assign(new RealNameFaceChallengeEntity(), {
      id: randomUUID(),
      userId: randomUUID(),
      nonce: 'n'.repeat(43),
      steps: ['look_straight', 'turn_right', 'turn_left'],
      createdAt: new Date(expiresAt.getTime() - 2 * MINUTE_MS),
      expiresAt,
      usedAt: used ? new Date(expiresAt.getTime() - MINUTE_MS) : null,
    });
  }

  /** Inserts the cases into both tables; returns the ids each table must still hold after a pass. */
  async function seedCases(): Promise<Record<ChallengeTable, string[]>> {
    const now = Date.now();
    const face = CASES.map((c) => faceChallenge(new Date(now + c.expiresInMs), c.used));
    const realName = CASES.map((c) => realNameChallenge(new Date(now + c.expiresInMs), c.used));
    await data.getRepository(FaceChallengeEntity).insert(face);
    await data.getRepository(RealNameFaceChallengeEntity).insert(realName);
    const kept = (rows: { id: string }[]): string[] =>
      rows
        .filter((_, i) => !CASES[i]?.purged)
        .map((row) => row.id)
        .sort();
    return { face_challenges: kept(face), real_name_face_challenges: kept(realName) };
  }

  async function idsIn(table: ChallengeTable): Promise<string[]> {
    const rows: { id: string }[] = await data.query(`SELECT id FROM ${table} ORDER BY id`);
    return rows.map((row) => row.id);
  }

  it('should run the raw-image and both challenge steps in one pass', () => {
    expect(sut.stepNames()).toEqual(
      expect.arrayContaining(['face_raw_images', 'face_challenges', 'real_name_face_challenges']),
    );
  });

  it('should delete exactly the challenges expired more than a day ago, used or not, and keep the rest', async () => {
    const kept = await seedCases();

    const pass = await sut.runPass();

    expect(pass.steps).toEqual(
      expect.arrayContaining([
        { step: 'face_challenges', ok: true, deleted: 2, batches: 1 },
        { step: 'real_name_face_challenges', ok: true, deleted: 2, batches: 1 },
        expect.objectContaining({ step: 'face_raw_images', ok: true }),
      ]),
    );
    expect(await idsIn('face_challenges')).toEqual(kept.face_challenges);
    expect(await idsIn('real_name_face_challenges')).toEqual(kept.real_name_face_challenges);
    expect(kept.face_challenges).toHaveLength(3);
  });

  it('should be idempotent: a second pass deletes nothing more', async () => {
    const kept = await seedCases();
    await sut.runPass();

    const again = await sut.runPass();

    expect(again.steps.filter((s) => s.step !== 'face_raw_images')).toEqual([
      { step: 'face_challenges', ok: true, deleted: 0, batches: 1 },
      { step: 'face_preauth_ip_failures', ok: true, deleted: 0, batches: 1 },
      { step: 'real_name_face_challenges', ok: true, deleted: 0, batches: 1 },
    ]);
    expect(await idsIn('face_challenges')).toEqual(kept.face_challenges);
  });

  it('should drop per-network failure counts once their hour can no longer be read', async () => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const windows = {
      current: hour,
      previous: hour - 3_600_000,
      dead: hour - 2 * 3_600_000,
      older: hour - 30 * 3_600_000,
    };
    for (const [label, start] of Object.entries(windows)) {
      await data.query(
        'INSERT INTO face_preauth_ip_failures (ip_digest, window_start, failures) VALUES (?, ?, 2)',
        [label.padEnd(64, '0'), new Date(start)],
      );
    }

    const pass = await sut.runPass();

    expect(pass.steps.find((s) => s.step === 'face_preauth_ip_failures')).toMatchObject({
      ok: true,
      deleted: 2,
    });
    const left: { ip_digest: string }[] = await data.query(
      'SELECT ip_digest FROM face_preauth_ip_failures ORDER BY window_start',
    );
    expect(left.map((r) => r.ip_digest.replace(/0+$/, ''))).toEqual(['previous', 'current']);
  });

  it('should purge many rows in bounded batches, with two replicas at once deleting each row once and failing neither', async () => {
    const expired = 2 * CHALLENGE_PURGE_BATCH + 137;
    const old = new Date(Date.now() - 3 * DAY_MS);
    const rows = Array.from({ length: expired }, (_, i) =>
      faceChallenge(new Date(old.getTime() + i), i % 2 === 0),
    );
    for (let i = 0; i < rows.length; i += 250)
      await data.getRepository(FaceChallengeEntity).insert(rows.slice(i, i + 250));
    const kept = await seedCases();

    const [first, second] = await Promise.all([sut.runPass(), sut.runPass()]);

    const outcomes = [...first.steps, ...second.steps].filter((s) => s.step === 'face_challenges');
    expect(outcomes.every((s) => s.ok)).toBe(true);
    const deleted = outcomes.reduce((sum, s) => sum + (s.ok ? s.deleted : 0), 0);
    expect(deleted).toBe(expired + 2);
    const batches = outcomes.map((s) => (s.ok ? s.batches : 0));
    expect(batches[0] + batches[1]).toBeGreaterThanOrEqual(Math.ceil((expired + 2) / CHALLENGE_PURGE_BATCH));
    for (const count of batches)
      expect(count).toBeLessThanOrEqual(Math.ceil((expired + 2) / CHALLENGE_PURGE_BATCH) + 1);
    expect(await idsIn('face_challenges')).toEqual(kept.face_challenges);
  });

  it('should find the rows to purge through the expiry indexes, not a table scan', async () => {
    for (const table of ['face_challenges', 'real_name_face_challenges'] as const) {
      const plan: { key: string | null }[] = await data.query(
        `EXPLAIN DELETE FROM ${table} WHERE expires_at <= ? ORDER BY expires_at LIMIT 500`,
        [new Date()],
      );
      expect(plan[0]?.key).toBe(`ix_${table}_expires`);
    }
  });
});
