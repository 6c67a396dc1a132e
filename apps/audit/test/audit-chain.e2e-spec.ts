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

import { GENESIS_HASH, hashEntry } from '../src/audit-log/audit-chain';
import { type AuditEntryRow, entryFromRow } from '../src/audit-log/audit-entry.row';
import { ChainKeyRing } from '../src/audit-log/chain-key-ring';
import { CHAIN_KEYED_EVENT, ChainKeyingService } from '../src/audit-log/chain-keying.service';
import { ChainWatchService, ENTRIES_BEYOND_HEAD_RULE } from '../src/audit-log/chain-watch.service';
import { CheckpointSigner } from '../src/audit-log/checkpoint-signer';
import { AUDIT_SERVICE_GRANTS } from '../src/database/grants';
import {
  type AuditBed,
  chainKeyBase64,
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
  keyProblem: string | null;
  streams: { stream: string; entriesBeyondHead: number }[];
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

  /**
   * What an attacker with full database access and the stolen chain key would do: rewrite entries from
   * `fromSeq` on and recompute every MAC.
   */
  async function rewriteAndRecompute(
    stream: string,
    fromSeq: number,
    change: (row: AuditEntryRow) => AuditEntryRow,
  ): Promise<void> {
    const stolen = ChainKeyRing.parse(audit.bed.env.AUDIT_CHAIN_KEYS);
    const rows: AuditEntryRow[] = await data.query(
      'SELECT * FROM audit_log_entries WHERE stream = ? ORDER BY seq',
      [stream],
    );
    let prevHash = rows[fromSeq - 2]?.hash ?? '0'.repeat(64);
    for (const original of rows.slice(fromSeq - 1)) {
      const row = Number(original.seq) === fromSeq ? change(original) : original;
      const { hash: _old, ...unhashed } = { ...entryFromRow(row), prevHash };
      const hash = hashEntry(unhashed, stolen.keyOf(unhashed.keyId ?? ''));
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

  /** Appends a row after the stream's last one as someone with the runtime database user but not the key could. */
  async function appendForged(stream: string, keyId: string | null, moveHead: boolean): Promise<number> {
    const rows: AuditEntryRow[] = await data.query(
      'SELECT * FROM audit_log_entries WHERE stream = ? ORDER BY seq DESC LIMIT 1',
      [stream],
    );
    const last = entryFromRow(rows[0]);
    const unhashed = {
      ...last,
      seq: last.seq + 1,
      eventId: randomUUID(),
      prevHash: last.hash,
      attributes: { kind: 'org_admin' },
      keyId: null,
    };
    // Without the key the best the attacker has is the legacy SHA-256 over the same layout.
    const hash = hashEntry(unhashed, undefined);
    await data.query(
      `INSERT INTO audit_log_entries (stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id,
         subject_user_id, actor_id, institution_id, ip_masked, attributes, prev_hash, mac_key_id, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        stream,
        unhashed.seq,
        unhashed.eventId,
        unhashed.eventType,
        unhashed.producer,
        unhashed.occurredAt,
        unhashed.recordedAt,
        unhashed.traceId,
        unhashed.subjectUserId,
        unhashed.actorId,
        unhashed.institutionId,
        unhashed.ipMasked,
        '{"kind":"org_admin"}',
        unhashed.prevHash,
        keyId,
        hash,
      ],
    );
    if (moveHead)
      await data.query('UPDATE audit_stream_heads SET last_seq = ?, last_hash = ? WHERE stream = ?', [
        unhashed.seq,
        hash,
        stream,
      ]);
    return unhashed.seq;
  }

  it('should refuse a row forged with database access but without the chain key, unkeyed or claiming the key', async () => {
    const unkeyed = await whileTampered(async () => {
      await appendForged('accounts', null, true);
    });
    expect(unkeyed.firstBreak).toMatchObject({ stream: 'accounts', seq: 21, code: 'CHAIN.UNKEYED_ENTRY' });

    const [{ mac_key_id: keyId }] = await data.query<{ mac_key_id: string }[]>(
      'SELECT mac_key_id FROM audit_log_entries WHERE stream = ? AND seq = 1',
      ['identity'],
    );
    const claiming = await whileTampered(async () => {
      await appendForged('identity', keyId, true);
    });
    expect(claiming.firstBreak).toMatchObject({ stream: 'identity', seq: 21, code: 'CHAIN.HASH_MISMATCH' });
    expect(claiming.keyProblem).toBeNull();
  });

  it('should report rows beyond the head and raise a critical alert for the stream', async () => {
    let periodic: unknown[] = [];
    const result = await whileTampered(async () => {
      await appendForged('payments', null, false);
      // The periodic check (run with each checkpoint) finds it without a full verification.
      periodic = await audit.bed.service.app.get(ChainWatchService).checkEntriesBeyondHead();
    });
    expect(periodic).toEqual([{ stream: 'payments', headSeq: 20, lastSeq: 21 }]);
    expect(result.ok).toBe(false);
    expect(result.streams.find((s) => s.stream === 'payments')?.entriesBeyondHead).toBe(1);
    expect(result.firstBreak).toMatchObject({
      stream: 'payments',
      seq: 21,
      code: 'CHAIN.ENTRIES_BEYOND_HEAD',
    });
    const alerts: {
      subject_kind: string;
      subject_ref: string;
      severity: string;
      rules_fired: string;
      occurrences: number;
    }[] = await data.query(
      'SELECT subject_kind, subject_ref, severity, rules_fired, occurrences FROM security_alerts WHERE cause = ?',
      [ENTRIES_BEYOND_HEAD_RULE],
    );
    expect(alerts).toEqual([
      {
        subject_kind: 'stream',
        subject_ref: 'payments',
        severity: 'critical',
        rules_fired: JSON.stringify([ENTRIES_BEYOND_HEAD_RULE]),
        // One alert for the stream: the periodic check and the verification add occurrences to it.
        occurrences: 2,
      },
    ]);
    // Restored: the next verification is clean again and raises nothing more.
    expect(await verify()).toMatchObject({ ok: true });
    const after: unknown[] = await data.query('SELECT id FROM security_alerts WHERE cause = ?', [
      ENTRIES_BEYOND_HEAD_RULE,
    ]);
    expect(after).toHaveLength(1);
  });

  it('should seal a legacy unkeyed stream with a keyed entry, after which unkeyed appends fail', async () => {
    const sealer = audit.bed.service.app.get(ChainKeyingService);
    const result = await whileTampered(async () => {
      let prevHash = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq += 1) {
        const unhashed = {
          stream: 'legacy',
          seq,
          eventId: randomUUID(),
          eventType: 'accounts.user.registered',
          producer: 'accounts',
          occurredAt: '2026-01-01T00:00:00.000Z',
          recordedAt: '2026-01-01T00:00:01.000Z',
          traceId: `legacy-${seq}`,
          subjectUserId: null,
          actorId: null,
          institutionId: null,
          ipMasked: null,
          attributes: { n: seq },
          prevHash,
          keyId: null,
        };
        const hash = hashEntry(unhashed, undefined);
        await data.query(
          `INSERT INTO audit_log_entries (stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id, attributes, prev_hash, hash)
           VALUES ('legacy', ?, ?, ?, 'accounts', ?, ?, ?, ?, ?, ?)`,
          [
            seq,
            unhashed.eventId,
            unhashed.eventType,
            unhashed.occurredAt,
            unhashed.recordedAt,
            unhashed.traceId,
            `{"n":${seq}}`,
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
      await data.query(
        "INSERT INTO audit_stream_heads (stream, last_seq, last_hash) VALUES ('legacy', 3, ?)",
        [prevHash],
      );
      const unsealed = await verify();
      expect(unsealed.firstBreak).toMatchObject({ stream: 'legacy', seq: 1, code: 'CHAIN.UNKEYED_ENTRY' });

      expect(await sealer.sealLegacyStreams()).toEqual(['legacy']);
      expect(await sealer.sealLegacyStreams()).toEqual([]);
      const seal: { event_type: string; mac_key_id: string | null }[] = await data.query(
        "SELECT event_type, mac_key_id FROM audit_log_entries WHERE stream = 'legacy' AND seq = 4",
      );
      expect(seal).toEqual([
        {
          event_type: CHAIN_KEYED_EVENT,
          mac_key_id: ChainKeyRing.parse(audit.bed.env.AUDIT_CHAIN_KEYS).activeKeyId,
        },
      ]);
      expect((await verify()).ok).toBe(true);
      await appendForged('legacy', null, true);
    });
    expect(result.firstBreak).toMatchObject({ stream: 'legacy', seq: 5, code: 'CHAIN.UNKEYED_ENTRY' });
  });

  it('should catch a full rewrite with a stolen chain key by the signed checkpoint', async () => {
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

  function cli(keys: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
    return run('node', ['-r', '@swc-node/register', 'apps/audit/src/verify-chain.ts'], {
      cwd: join(__dirname, '..', '..', '..'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: testEnv().databaseUrl,
        DATABASE_NAME: audit.bed.database.name,
        AUDIT_SIGNING_KEY: audit.bed.env.AUDIT_SIGNING_KEY,
        AUDIT_CHAIN_KEYS: audit.bed.env.AUDIT_CHAIN_KEYS,
        AUDIT_VERIFY_KEYS: '',
        AUDIT_CHECKPOINT_DIR: audit.checkpointDir,
        ...keys,
      },
      timeout: 60_000,
    });
  }

  function cliFailure(
    keys: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return cli(keys).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
  }

  it('should say the verification keys are missing or wrong (exit 3), not report tampering', async () => {
    const missing = await cliFailure({ AUDIT_CHAIN_KEYS: '', AUDIT_SIGNING_KEY: '' });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('AUDIT_CHAIN_KEYS is not set');
    expect(missing.stderr).toContain('neither AUDIT_SIGNING_KEY nor AUDIT_VERIFY_KEYS is set');
    expect(missing.stdout).toBe('');

    const wrongChainKey = await cliFailure({ AUDIT_CHAIN_KEYS: chainKeyBase64() });
    expect(wrongChainKey.code).toBe(3);
    expect(wrongChainKey.stderr).toContain('wrong verification key, tampering not assessed');
    expect(wrongChainKey.stderr).toContain('AUDIT_CHAIN_KEYS');

    const wrongSigningKey = await cliFailure({ AUDIT_SIGNING_KEY: signingKeyPem() });
    expect(wrongSigningKey.code).toBe(3);
    expect(wrongSigningKey.stderr).toContain('No checkpoint is signed by a key this verifier knows');
  }, 180_000);

  it('should report the first broken link from the command line too', async () => {
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
