import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { type EventEnvelope, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, testEnv } from '@exam/testing';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { hashEntry } from '../src/audit-log/audit-chain';
import { type AuditEntryRow, entryFromRow } from '../src/audit-log/audit-entry.row';
import { CheckpointSigner } from '../src/audit-log/checkpoint-signer';
import { AUDIT_SERVICE_GRANTS } from '../src/database/grants';
import {
  type AuditBed,
  envelopeOf,
  publish,
  signingKeyPem,
  startAuditBed,
  stopAuditBed,
} from './audit-fixtures';

const run = promisify(execFile);

interface Verification {
  ok: boolean;
  entries: number;
  firstBreak: { stream: string; seq: number; code: string; reason: string } | null;
}

describe('audit chain (append, checkpoints, verification)', () => {
  const analyst = issueTestToken({ roles: ['security_analyst'] });
  let audit: AuditBed;
  let data: DataSource;
  const TOTAL = 60;

  async function verify(): Promise<Verification> {
    const response = await request(audit.bed.url)
      .get('/api/audit/chain/verify')
      .set('authorization', `Bearer ${analyst}`)
      .expect(200);
    return response.body as Verification;
  }

  /** Runs `tamper`, checks what verification says, then restores the log and the heads exactly. */
  async function whileTampered(tamper: () => Promise<void>): Promise<Verification> {
    await data.query('CREATE TABLE backup_entries AS SELECT * FROM audit_log_entries');
    await data.query('CREATE TABLE backup_heads AS SELECT * FROM audit_stream_heads');
    try {
      await tamper();
      return await verify();
    } finally {
      await data.query('DELETE FROM audit_log_entries');
      await data.query('INSERT INTO audit_log_entries SELECT * FROM backup_entries');
      await data.query('DELETE FROM audit_stream_heads');
      await data.query('INSERT INTO audit_stream_heads SELECT * FROM backup_heads');
      await data.query('DROP TABLE backup_entries');
      await data.query('DROP TABLE backup_heads');
    }
  }

  /** What an attacker with full database access would do: rewrite entries from `fromSeq` on and recompute every hash. */
  async function rewriteAndRecompute(
    stream: string,
    fromSeq: number,
    change: (row: AuditEntryRow) => AuditEntryRow,
  ): Promise<void> {
    const rows: AuditEntryRow[] = await data.query(
      'SELECT * FROM audit_log_entries WHERE stream = ? ORDER BY seq',
      [stream],
    );
    let prevHash = rows[fromSeq - 2]?.hash ?? '0'.repeat(64);
    for (const original of rows.slice(fromSeq - 1)) {
      const row = Number(original.seq) === fromSeq ? change(original) : original;
      const { hash: _old, ...unhashed } = { ...entryFromRow(row), prevHash };
      const hash = hashEntry(unhashed);
      await data.query(
        'UPDATE audit_log_entries SET attributes = ?, prev_hash = ?, hash = ? WHERE stream = ? AND seq = ?',
        [row.attributes, prevHash, hash, stream, row.seq],
      );
      prevHash = hash;
    }
    await data.query('UPDATE audit_stream_heads SET last_hash = ? WHERE stream = ?', [prevHash, stream]);
  }

  beforeAll(async () => {
    audit = await startAuditBed([Topics.UserRegistered, Topics.OrderPaid, Topics.VerificationCompleted]);
    data = audit.bed.dataSource;

    const events: EventEnvelope[] = [];
    for (let i = 0; i < TOTAL / 3; i += 1) {
      const userId = randomUUID();
      events.push(
        envelopeOf(Topics.UserRegistered, userId, {
          userId,
          kind: 'candidate',
          maskedContact: '138****0000',
          nickname: `u${i}`,
        }),
        envelopeOf(Topics.OrderPaid, randomUUID(), {
          orderId: randomUUID(),
          userId,
          registrationId: randomUUID(),
          amountFen: 5000,
          currency: 'CNY',
        }),
        envelopeOf(Topics.VerificationCompleted, userId, {
          userId,
          verificationId: randomUUID(),
          result: 'match',
          maskedName: '张*',
          maskedIdNumber: '1101**********1234',
          minor: false,
        }),
      );
    }
    await publish(audit, events);
    await expectEventually(
      async () => {
        const rows: { n: string | number }[] = await data.query(
          'SELECT COUNT(*) AS n FROM audit_log_entries',
        );
        expect(Number(rows[0]?.n)).toBe(TOTAL);
      },
      { timeoutMs: 60_000 },
    );
    await request(audit.bed.url)
      .post('/api/audit/chain/checkpoints')
      .set('authorization', `Bearer ${analyst}`)
      .expect(201);
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should chain events consumed from parallel partitions with gapless per-service sequence numbers', async () => {
    const rows: { stream: string; n: string | number; lo: string | number; hi: string | number }[] =
      await data.query(
        'SELECT stream, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM audit_log_entries GROUP BY stream ORDER BY stream',
      );
    expect(rows.map((r) => [r.stream, Number(r.n), Number(r.lo), Number(r.hi)])).toEqual([
      ['accounts', 20, 1, 20],
      ['identity', 20, 1, 20],
      ['payments', 20, 1, 20],
    ]);
  });

  it('should keep personal data out of the log', async () => {
    const rows: { text: string }[] = await data.query(
      "SELECT CONCAT_WS('|', attributes, subject_user_id) AS text FROM audit_log_entries",
    );
    const all = rows.map((r) => r.text).join('\n');
    // The masked values the events carried; ids are random hex, so a bare "1234" could appear in a uuid.
    expect(all).not.toMatch(/张|\*{4}1234|1101\*|138\*/);
  });

  it('should verify an intact chain', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, entries: TOTAL, firstBreak: null });
  });

  it('should detect a modified row at its seq', async () => {
    const result = await whileTampered(async () => {
      await data.query('UPDATE audit_log_entries SET attributes = ? WHERE stream = ? AND seq = 7', [
        '{"kind":"org_admin"}',
        'accounts',
      ]);
    });
    expect(result.firstBreak).toMatchObject({ stream: 'accounts', seq: 7, code: 'CHAIN.HASH_MISMATCH' });
  });

  it('should still list a row whose attributes were replaced by garbage, and flag it in verification', async () => {
    let listed: { status: number; eventTypes: string[] } = { status: 0, eventTypes: [] };
    const result = await whileTampered(async () => {
      await data.query('UPDATE audit_log_entries SET attributes = ? WHERE stream = ? AND seq = 3', [
        '{not json',
        'payments',
      ]);
      const response = await request(audit.bed.url)
        .get('/api/audit/log')
        .query({ eventType: 'payments.order.paid', limit: 1000 })
        .set('authorization', `Bearer ${analyst}`);
      listed = {
        status: response.status,
        eventTypes: (response.body as { items: { eventType: string }[] }).items.map((i) => i.eventType),
      };
    });

    expect(listed.status).toBe(200);
    expect(listed.eventTypes).toHaveLength(TOTAL / 3);
    expect(result.firstBreak).toMatchObject({ stream: 'payments', seq: 3, code: 'CHAIN.HASH_MISMATCH' });
  });

  it('should detect a deleted row as a gap', async () => {
    const result = await whileTampered(async () => {
      await data.query('DELETE FROM audit_log_entries WHERE stream = ? AND seq = 5', ['identity']);
    });
    expect(result.firstBreak).toMatchObject({ stream: 'identity', seq: 5, code: 'CHAIN.SEQUENCE_GAP' });
  });

  it('should detect reordered rows', async () => {
    const result = await whileTampered(async () => {
      await data.query('UPDATE audit_log_entries SET seq = 1000 WHERE stream = ? AND seq = 4', ['payments']);
      await data.query('UPDATE audit_log_entries SET seq = 4 WHERE stream = ? AND seq = 5', ['payments']);
      await data.query('UPDATE audit_log_entries SET seq = 5 WHERE stream = ? AND seq = 1000', ['payments']);
    });
    expect(result.firstBreak).toMatchObject({ stream: 'payments', seq: 4 });
    expect(['CHAIN.PREVIOUS_HASH_MISMATCH', 'CHAIN.HASH_MISMATCH']).toContain(result.firstBreak?.code);
  });

  it('should catch a full rewrite with recomputed hashes by the signed checkpoint', async () => {
    const result = await whileTampered(() =>
      rewriteAndRecompute('accounts', 3, (row) => ({ ...row, attributes: '{"kind":"org_admin"}' })),
    );
    expect(result.firstBreak).toMatchObject({
      stream: 'accounts',
      code: 'CHAIN.CHECKPOINT_MISMATCH',
      seq: 20,
    });
  });

  it('should catch entries cut off the end even when the head is moved back', async () => {
    const result = await whileTampered(async () => {
      const rows: { hash: string }[] = await data.query(
        'SELECT hash FROM audit_log_entries WHERE stream = ? AND seq = 18',
        ['payments'],
      );
      await data.query('DELETE FROM audit_log_entries WHERE stream = ? AND seq > 18', ['payments']);
      await data.query('UPDATE audit_stream_heads SET last_seq = 18, last_hash = ? WHERE stream = ?', [
        rows[0]?.hash,
        'payments',
      ]);
    });
    expect(result.firstBreak).toMatchObject({
      stream: 'payments',
      code: 'CHAIN.CHECKPOINT_BEYOND_HEAD',
      seq: 19,
    });
  });

  it('should reject a forged checkpoint', async () => {
    const file = join(audit.checkpointDir, audit.bed.database.name, 'accounts.jsonl');
    const original = await readFile(file, 'utf8');
    const forger = CheckpointSigner.fromPem(signingKeyPem());
    try {
      const forged = forger.sign({
        database: audit.bed.database.name,
        stream: 'accounts',
        seq: 20,
        headHash: 'f'.repeat(64),
        signedAt: new Date().toISOString(),
      });
      await appendFile(file, `${JSON.stringify(forged)}\n`);
      const result = await verify();
      expect(result.firstBreak).toMatchObject({
        stream: 'accounts',
        code: 'CHAIN.CHECKPOINT_SIGNATURE_INVALID',
      });
    } finally {
      await writeFile(file, original);
    }
  });

  it('should report the first broken link from the command line too', async () => {
    const cli = (): Promise<{ stdout: string }> =>
      run('node', ['-r', '@swc-node/register', 'apps/audit/src/verify-chain.ts'], {
        cwd: join(__dirname, '..', '..', '..'),
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: testEnv().databaseUrl,
          DATABASE_NAME: audit.bed.database.name,
          AUDIT_SIGNING_KEY: audit.bed.env.AUDIT_SIGNING_KEY,
          AUDIT_CHECKPOINT_DIR: audit.checkpointDir,
        },
        timeout: 60_000,
      });
    const intact = JSON.parse((await cli()).stdout) as Verification;
    expect(intact.ok).toBe(true);
    const broken = await whileTampered(async () => {
      await data.query('DELETE FROM audit_log_entries WHERE stream = ? AND seq = 2', ['accounts']);
      const failure = await cli().then(
        () => undefined,
        (error: unknown) => error as { code: number; stdout: string },
      );
      expect(failure?.code).toBe(1);
      expect((JSON.parse(failure?.stdout ?? '{}') as Verification).firstBreak).toMatchObject({
        stream: 'accounts',
        seq: 2,
      });
    });
    expect(broken.ok).toBe(false);
  }, 120_000);

  it('should let the service database user insert and read the log but never update or delete it', async () => {
    const user = `audit_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const url = new URL(testEnv().databaseUrl);
    const server = { host: url.hostname, port: Number(url.port || 3306) };
    const admin = await createConnection({
      ...server,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    });
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      for (const statement of AUDIT_SERVICE_GRANTS(audit.bed.database.name, user))
        await admin.query(statement);
      const restricted = await createConnection({
        ...server,
        user,
        password,
        database: audit.bed.database.name,
      });
      try {
        await restricted.query(
          `INSERT INTO audit_log_entries (stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id, attributes, prev_hash, hash)
           VALUES ('grants', 1, ?, 'x.y.z', 'test', '', '', '', '{}', '', '')`,
          [randomUUID()],
        );
        const [rows] = await restricted.query('SELECT COUNT(*) AS n FROM audit_log_entries');
        expect(rows).toHaveLength(1);
        await expect(
          restricted.query("UPDATE audit_log_entries SET hash = 'x' WHERE stream = 'grants'"),
        ).rejects.toMatchObject({
          code: 'ER_TABLEACCESS_DENIED_ERROR',
        });
        await expect(
          restricted.query("DELETE FROM audit_log_entries WHERE stream = 'grants'"),
        ).rejects.toMatchObject({
          code: 'ER_TABLEACCESS_DENIED_ERROR',
        });
        await expect(restricted.query('TRUNCATE TABLE audit_log_entries')).rejects.toMatchObject({
          code: 'ER_TABLEACCESS_DENIED_ERROR',
        });
      } finally {
        await restricted.end();
      }
      await admin.query(
        `DELETE FROM \`${audit.bed.database.name}\`.audit_log_entries WHERE stream = 'grants'`,
      );
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.end();
    }
  });

  it('should refuse verification to anyone but security staff', async () => {
    await request(audit.bed.url).get('/api/audit/chain/verify').expect(401);
    const candidate = issueTestToken({ roles: ['candidate'] });
    await request(audit.bed.url)
      .get('/api/audit/chain/verify')
      .set('authorization', `Bearer ${candidate}`)
      .expect(403);
    const untrusted = issueTestToken({ roles: ['security_analyst'], signedBy: 'untrusted' });
    await request(audit.bed.url)
      .get('/api/audit/chain/verify')
      .set('authorization', `Bearer ${untrusted}`)
      .expect(401);
    const admin = issueTestToken({ roles: ['platform_admin'] });
    await request(audit.bed.url)
      .get('/api/audit/chain/verify')
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
  });
});
