import { randomUUID } from 'node:crypto';

import { ServiceTestBed } from '@exam/testing';
import type { DataSource } from 'typeorm';

import { IdentityEnv } from '../src/config/identity.env';
import { FaceChallengeEntity } from '../src/face/face-challenge.entity';
import { IdentityModule } from '../src/identity.module';
import { RealNameFaceChallengeEntity } from '../src/real-name/face/real-name-face-challenge.entity';
import { RetentionService } from '../src/retention/retention.service';
import { faceChallengeRow, newUserId, realNameChallengeRow } from './support/factories';

const BATCH = 100;
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

describe('identity retention (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let data: DataSource;
  let sut: RetentionService;

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => IdentityModule.register(env),
      overrides: { RETENTION_INTERVAL_SECONDS: '0', RETENTION_BATCH_SIZE: String(BATCH) },
    });
    data = bed.dataSource;
    sut = bed.service.app.get(RetentionService);
  });

  afterAll(async () => {
    await bed.close();
  });

  beforeEach(async () => {
    await data.query('DELETE FROM face_challenges');
    await data.query('DELETE FROM real_name_face_challenges');
  });

  /** Inserts the cases into both tables; returns the ids each table must still hold after a pass. */
  async function seedCases(): Promise<Record<ChallengeTable, string[]>> {
    const now = Date.now();
    const face = CASES.map((c) => faceChallengeRow(new Date(now + c.expiresInMs), c.used));
    const realName = CASES.map((c) => realNameChallengeRow(new Date(now + c.expiresInMs), c.used));
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

  it('should delete exactly the challenges expired more than a day ago, used or not, and keep the rest', async () => {
    const kept = await seedCases();

    const report = await sut.sweep();

    expect(report).toMatchObject({ faceChallenges: 2, realNameFaceChallenges: 2 });
    expect(await idsIn('face_challenges')).toEqual(kept.face_challenges);
    expect(await idsIn('real_name_face_challenges')).toEqual(kept.real_name_face_challenges);
    expect(kept.face_challenges).toHaveLength(3);
  });

  it('should be idempotent: a second pass deletes nothing more', async () => {
    const kept = await seedCases();
    await sut.sweep();

    const again = await sut.sweep();

    expect(Object.values(again).every((deleted) => deleted === 0)).toBe(true);
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

    const report = await sut.sweep();

    expect(report.facePreAuthIpFailures).toBe(2);
    const left: { ip_digest: string }[] = await data.query(
      'SELECT ip_digest FROM face_preauth_ip_failures ORDER BY window_start',
    );
    expect(left.map((r) => r.ip_digest.replace(/0+$/, ''))).toEqual(['previous', 'current']);
  });

  it('should purge many rows in bounded batches, with two replicas at once deleting each row once and failing neither', async () => {
    const expired = 2 * BATCH + 37;
    const old = new Date(Date.now() - 3 * DAY_MS);
    const rows = Array.from({ length: expired }, (_, i) =>
      faceChallengeRow(new Date(old.getTime() + i), i % 2 === 0),
    );
    for (let i = 0; i < rows.length; i += 250)
      await data.getRepository(FaceChallengeEntity).insert(rows.slice(i, i + 250));
    const kept = await seedCases();

    const [first, second] = await Promise.all([sut.sweep(), sut.sweep()]);

    expect(first.faceChallenges + second.faceChallenges).toBe(expired + 2);
    expect(await idsIn('face_challenges')).toEqual(kept.face_challenges);
  });

  it('should delete decisions, appeals and budgets past retention and keep what is live, referenced or under review', async () => {
    const now = Date.now();
    const at = (daysAgo: number): Date => new Date(now - daysAgo * DAY_MS);
    const user = newUserId();
    const attempt = async (label: string, daysAgo: number): Promise<string> => {
      const id = randomUUID();
      await data.query(
        `INSERT INTO verification_attempts (id, user_id, subject, day, result, billable, provider, detail, created_at)
         VALUES (?, ?, 'applicant', '2020-01-01', 'match', 1, 'authority-sim', ?, ?)`,
        [id, user, label, at(daysAgo)],
      );
      return id;
    };
    const oldAttempt = await attempt('old', 1200);
    const recentAttempt = await attempt('recent', 10);
    const provingAttempt = await attempt('proves a record', 1200);
    const recordId = randomUUID();
    await data.query(
      `INSERT INTO real_name_records (id, user_id, name, id_number, id_number_bidx, valid_from, valid_to, birth_date, gender, minor, attempt_id, verified_at)
       VALUES (?, ?, 'x', 'x', ?, '2015-01-01', 'long-term', '1990-01-01', 'male', 0, ?, ?)`,
      [recordId, user, randomUUID().replace(/-/g, '').padEnd(64, '0'), provingAttempt, at(1200)],
    );
    const check = async (daysAgo: number): Promise<string> => {
      const id = randomUUID();
      await data.query(
        `INSERT INTO face_verifications (id, user_id, purpose, challenge_id, outcome, reason, threshold, model_version, liveness_passed, day, created_at)
         VALUES (?, ?, 'exam_entry', ?, 'face_mismatch', 'r', 0.55, 'm', 1, '2020-01-01', ?)`,
        [id, user, randomUUID(), at(daysAgo)],
      );
      return id;
    };
    const review = async (verificationId: string, status: string, daysAgo: number): Promise<string> => {
      const id = randomUUID();
      await data.query(
        `INSERT INTO face_review_requests (id, verification_id, user_id, reason, status, created_at)
         VALUES (?, ?, ?, 'please look', ?, ?)`,
        [id, verificationId, user, status, at(daysAgo)],
      );
      return id;
    };
    const oldCheck = await check(400);
    const oldCheckReview = await review(oldCheck, 'upheld', 399);
    const underReview = await check(400);
    const openReview = await review(underReview, 'open', 399);
    const recentCheck = await check(30);
    const appeal = async (status: string, reviewedDaysAgo: number | null): Promise<string> => {
      const id = randomUUID();
      await data.query(
        `INSERT INTO real_name_appeals (id, user_id, kind, reason, status, reviewed_at, created_at)
         VALUES (?, ?, 'change_request', 'a reason long enough', ?, ?, ?)`,
        [id, user, status, reviewedDaysAgo === null ? null : at(reviewedDaysAgo), at(800)],
      );
      return id;
    };
    const oldDecided = await appeal('rejected', 400);
    const stillOpen = await appeal('open', null);
    const recentlyDecided = await appeal('approved', 20);
    await data.query(
      "INSERT INTO real_name_attempt_budgets (user_id, day, used) VALUES (?, '2020-01-01', 3), (?, '2999-01-01', 1)",
      [user, user],
    );
    await data.query(
      `INSERT INTO face_attempt_budgets (user_id, purpose, day, used)
       VALUES (?, 'step_up', '2020-01-01', 5), (?, 'step_up', '2999-01-01', 1)`,
      [user, user],
    );

    const report = await sut.sweep();

    expect(report).toMatchObject({ verificationAttempts: 1, faceChecks: 1, faceReviews: 1, appeals: 1 });
    expect(report.attemptBudgets).toBeGreaterThanOrEqual(1);
    const ids = async (table: string): Promise<string[]> => {
      const rows: { id: string }[] = await data.query(`SELECT id FROM ${table} WHERE user_id = ?`, [user]);
      return rows.map((r) => r.id).sort();
    };
    expect(await ids('verification_attempts')).toEqual([recentAttempt, provingAttempt].sort());
    expect(await ids('verification_attempts')).not.toContain(oldAttempt);
    expect(await ids('real_name_records')).toEqual([recordId]);
    expect(await ids('face_verifications')).toEqual([underReview, recentCheck].sort());
    expect(await ids('face_review_requests')).toEqual([openReview]);
    expect(await ids('face_review_requests')).not.toContain(oldCheckReview);
    expect(await ids('real_name_appeals')).toEqual([stillOpen, recentlyDecided].sort());
    expect(await ids('real_name_appeals')).not.toContain(oldDecided);
    const budgets: { day: string }[] = await data.query(
      'SELECT day FROM real_name_attempt_budgets WHERE user_id = ?',
      [user],
    );
    expect(budgets.map((b) => b.day)).toEqual(['2999-01-01']);
    expect(report.faceAttemptBudgets).toBeGreaterThanOrEqual(1);
    const faceBudgets: { day: string }[] = await data.query(
      'SELECT day FROM face_attempt_budgets WHERE user_id = ?',
      [user],
    );
    expect(faceBudgets.map((b) => b.day)).toEqual(['2999-01-01']);
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
