import { createHash, randomUUID } from 'node:crypto';

import { type AccountsRetentionReport, RetentionService } from '../src/retention/retention.service';
import { type AccountsHarness, startAccounts } from './accounts-harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('accounts: retention of expired and ended rows', () => {
  let harness: AccountsHarness;
  let sut: RetentionService;
  const now = Date.now();
  const at = (offsetMs: number): Date => new Date(now + offsetMs);
  const keep = new Set<string>();

  beforeAll(async () => {
    // Batches of 2 make every kind take several batches; the interval is off so only the test runs passes.
    harness = await startAccounts({ RETENTION_INTERVAL_SECONDS: '0', RETENTION_BATCH_SIZE: '2' });
    sut = harness.service.app.get(RetentionService);
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  async function code(
    label: string,
    expiresAt: Date,
    consumedAt: Date | null,
    kept: boolean,
    userId: string = randomUUID(),
  ): Promise<void> {
    const id = randomUUID();
    await harness.data.query(
      `INSERT INTO verification_codes (id, user_id, purpose, channel, code_hash, attempts, sent_at, expires_at, consumed_at)
       VALUES (?, ?, 'registration', 'sms', ?, 0, ?, ?, ?)`,
      [id, userId, 'f'.repeat(64), new Date(expiresAt.getTime() - 10 * 60_000), expiresAt, consumedAt],
    );
    if (kept) keep.add(`code:${label}:${id}`);
  }

  async function contactChange(label: string, requestedAt: Date, kept: boolean): Promise<void> {
    const id = randomUUID();
    await harness.data.query(
      'INSERT INTO contact_changes (id, user_id, kind, new_value, requested_at) VALUES (?, ?, ?, ?, ?)',
      [id, randomUUID(), 'email', 'ciphertext-not-read-by-retention', requestedAt],
    );
    if (kept) keep.add(`contact_change:${label}:${id}`);
  }

  async function invitation(
    label: string,
    expiresAt: Date,
    acceptedAt: Date | null,
    kept: boolean,
  ): Promise<void> {
    const id = randomUUID();
    await harness.data.query(
      `INSERT INTO invitations (id, institution_id, role, contact_kind, contact, token_hash, invited_by, created_at, expires_at, accepted_at, accepted_by)
       VALUES (?, ?, 'org_staff', 'email', 'ciphertext', ?, ?, ?, ?, ?, ?)`,
      [
        id,
        randomUUID(),
        createHash('sha256').update(id).digest('hex'),
        randomUUID(),
        new Date(expiresAt.getTime() - 7 * DAY),
        expiresAt,
        acceptedAt,
        acceptedAt === null ? null : randomUUID(),
      ],
    );
    if (kept) keep.add(`invitation:${label}:${id}`);
  }

  async function session(
    label: string,
    expiresAt: Date,
    revokedAt: Date | null,
    tokens: number,
    kept: boolean,
  ): Promise<void> {
    const id = randomUUID();
    await harness.data.query(
      `INSERT INTO sessions (id, user_id, masked_ip, user_agent, created_at, last_used_at, expires_at, revoked_at, revoke_reason)
       VALUES (?, ?, '203.0.113.*', 'test', ?, ?, ?, ?, ?)`,
      [
        id,
        randomUUID(),
        new Date(expiresAt.getTime() - 30 * DAY),
        new Date(expiresAt.getTime() - 30 * DAY),
        expiresAt,
        revokedAt,
        revokedAt === null ? null : 'logout',
      ],
    );
    for (let i = 0; i < tokens; i++) {
      await harness.data.query(
        'INSERT INTO refresh_tokens (token_hash, session_id, issued_at, used_at) VALUES (?, ?, ?, ?)',
        [
          createHash('sha256').update(`${id}:${i}`).digest('hex'),
          id,
          at(-DAY),
          i < tokens - 1 ? at(-DAY) : null,
        ],
      );
    }
    if (kept) keep.add(`session:${label}:${id}`);
  }

  async function user(
    label: string,
    status: 'pending' | 'active',
    createdAt: Date,
    kept: boolean,
  ): Promise<string> {
    const id = randomUUID();
    await harness.data.query(
      `INSERT INTO users (id, nickname, password_hash, status, roles, created_at) VALUES (?, 'n', '$argon2id$placeholder', ?, '["candidate"]', ?)`,
      [id, status, createdAt],
    );
    await harness.data.query(
      'INSERT INTO policy_acceptances (user_id, version, accepted_at) VALUES (?, ?, ?)',
      [id, 'v1', createdAt],
    );
    if (kept) keep.add(`user:${label}:${id}`);
    return id;
  }

  async function redemption(label: string, redeemedAt: Date, kept: boolean): Promise<void> {
    const id = randomUUID();
    await harness.data.query(
      'INSERT INTO face_check_redemptions (jti, user_id, purpose, verification_id, redeemed_at) VALUES (?, ?, ?, ?, ?)',
      [id, randomUUID(), 'face_login', randomUUID(), redeemedAt],
    );
    if (kept) keep.add(`redemption:${label}:${id}`);
  }

  async function ipFailures(label: string, windowStart: Date, kept: boolean): Promise<void> {
    const id = createHash('sha256').update(label).digest('hex');
    await harness.data.query(
      'INSERT INTO login_ip_failures (ip_digest, window_start, failures) VALUES (?, ?, 3)',
      [id, new Date(Math.floor(windowStart.getTime() / 60_000) * 60_000)],
    );
    if (kept) keep.add(`ip_failures:${label}:${id}`);
  }

  async function codeIpWindow(label: string, windowStart: Date, kept: boolean): Promise<void> {
    const id = createHash('sha256').update(label).digest('hex');
    await harness.data.query(
      'INSERT INTO code_ip_issues (ip_digest, window_start, failures) VALUES (?, ?, 2)',
      [id, new Date(Math.floor(windowStart.getTime() / DAY) * DAY)],
    );
    if (kept) keep.add(`code_ip:${label}:${id}`);
  }

  async function remaining(): Promise<Set<string>> {
    const ids = async (sql: string): Promise<string[]> =>
      (await harness.data.query<{ id: string }[]>(sql)).map((r) => r.id);
    const left = new Set<string>();
    const labelled = [...keep].map((k) => k.split(':'));
    const lookup = (kind: string, found: string[]): void => {
      for (const id of found) {
        const entry = labelled.find(([k, , i]) => k === kind && i === id);
        left.add(entry === undefined ? `${kind}:unexpected:${id}` : entry.join(':'));
      }
    };
    lookup('code', await ids('SELECT id FROM verification_codes'));
    lookup('contact_change', await ids('SELECT id FROM contact_changes'));
    lookup('invitation', await ids('SELECT id FROM invitations'));
    lookup('session', await ids('SELECT id FROM sessions'));
    lookup('user', await ids('SELECT id FROM users'));
    lookup('redemption', await ids('SELECT jti AS id FROM face_check_redemptions'));
    lookup('ip_failures', await ids('SELECT ip_digest AS id FROM login_ip_failures'));
    lookup('code_ip', await ids('SELECT ip_digest AS id FROM code_ip_issues'));
    return left;
  }

  it('should delete exactly what is past retention, in bounded batches, idempotently and safely from two replicas at once', async () => {
    for (let i = 0; i < 5; i++) await code(`expired-25h-${i}`, at(-25 * HOUR), null, false);
    await code('used-25h-ago', at(HOUR), at(-25 * HOUR), false);
    await code('expired-1h-ago', at(-HOUR), null, true);
    await code('used-1h-ago', at(HOUR), at(-HOUR), true);
    await code('live', at(10 * 60_000), null, true);

    await contactChange('requested-11min-ago', at(-11 * 60_000), false);
    await contactChange('requested-1min-ago', at(-60_000), true);

    for (let i = 0; i < 3; i++) await invitation(`expired-31d-${i}`, at(-31 * DAY), null, false);
    await invitation('expired-1d-ago', at(-DAY), null, true);
    await invitation('accepted-long-ago', at(-60 * DAY), at(-65 * DAY), true);
    await invitation('live', at(6 * DAY), null, true);

    for (let i = 0; i < 3; i++) await session(`revoked-31d-${i}`, at(-DAY), at(-31 * DAY), 2, false);
    await session('expired-31d', at(-31 * DAY), null, 1, false);
    await session('revoked-1d-ago', at(20 * DAY), at(-DAY), 1, true);
    await session('expired-1d-ago', at(-DAY), null, 1, true);
    await session('live', at(20 * DAY), null, 3, true);

    await user('pending-8d-no-code', 'pending', at(-8 * DAY), false);
    const restarted = await user('pending-8d-code-sent-1h-ago', 'pending', at(-8 * DAY), true);
    await code('restarted-registration', at(-HOUR + 10 * 60_000), null, true, restarted);
    await user('pending-1d', 'pending', at(-DAY), true);
    await user('active-30d', 'active', at(-30 * DAY), true);

    for (let i = 0; i < 3; i++) await redemption(`redeemed-2d-${i}`, at(-2 * DAY), false);
    await redemption('redeemed-1h-ago', at(-HOUR), true);
    await ipFailures('window-15min-ago', at(-15 * 60_000), false);
    await ipFailures('window-this-minute', at(0), true);
    await codeIpWindow('day-window-3d-ago', at(-3 * DAY), false);
    await codeIpWindow('day-window-today', at(0), true);

    // Two replicas sweeping at the same moment: between them, every dead row is deleted exactly once.
    const reports = await Promise.all([sut.sweep(), sut.sweep()]);
    const total = (key: keyof AccountsRetentionReport): number => reports.reduce((sum, r) => sum + r[key], 0);
    expect({
      verificationCodes: total('verificationCodes'),
      contactChanges: total('contactChanges'),
      invitations: total('invitations'),
      sessions: total('sessions'),
      refreshTokens: total('refreshTokens'),
      pendingRegistrations: total('pendingRegistrations'),
      faceCheckRedemptions: total('faceCheckRedemptions'),
      loginIpFailures: total('loginIpFailures'),
      codeIpCounters: total('codeIpCounters'),
    }).toEqual({
      verificationCodes: 6,
      contactChanges: 1,
      invitations: 3,
      sessions: 4,
      refreshTokens: 7,
      pendingRegistrations: 1,
      faceCheckRedemptions: 3,
      loginIpFailures: 1,
      codeIpCounters: 1,
    });
    expect(await remaining()).toEqual(keep);
    const liveTokens: unknown[] = await harness.data.query('SELECT token_hash FROM refresh_tokens');
    expect(liveTokens).toHaveLength(5);
    const acceptances: unknown[] = await harness.data.query('SELECT user_id FROM policy_acceptances');
    expect(acceptances).toHaveLength(3);

    expect(await sut.sweep()).toEqual({
      verificationCodes: 0,
      contactChanges: 0,
      invitations: 0,
      sessions: 0,
      refreshTokens: 0,
      pendingRegistrations: 0,
      faceCheckRedemptions: 0,
      loginIpFailures: 0,
      codeIpCounters: 0,
    });
    expect(await remaining()).toEqual(keep);
  });
});
