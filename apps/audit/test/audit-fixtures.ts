import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type EventEnvelope, type LoginOutcome, type TopicName, Topics } from '@exam/contracts';
import { expectEventually, ServiceTestBed, testEnvelope } from '@exam/testing';
import type { DataSource } from 'typeorm';

import { AuditModule } from '../src/audit.module';
import { AuditEnv } from '../src/config/audit.env';

/** A fresh Ed25519 private key as PKCS#8 PEM, for AUDIT_SIGNING_KEY. */
export function signingKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A fresh audit-chain HMAC key, as AUDIT_CHAIN_KEYS takes it. */
export function chainKeyBase64(): string {
  return randomBytes(32).toString('base64');
}

/** Builds an envelope exactly as another service's outbox would publish it. */
export const envelopeOf = testEnvelope;

export interface AuditBed {
  readonly bed: ServiceTestBed<AuditEnv>;
  /** Where the service writes its signed checkpoints (a fresh temporary directory). */
  readonly checkpointDir: string;
}

/**
 * The audit service on its own database and topic prefix, with a fresh signing key and checkpoint
 * directory; scheduled checkpoints are off (tests sign through the API). Undo with stopAuditBed.
 */
export async function startAuditBed(topics: readonly TopicName[]): Promise<AuditBed> {
  const checkpointDir = await mkdtemp(join(tmpdir(), 'audit-checkpoints-'));
  try {
    const bed = await ServiceTestBed.start({
      service: 'audit',
      envClass: AuditEnv,
      module: (env) => AuditModule.register(env),
      topics,
      overrides: {
        AUDIT_SIGNING_KEY: signingKeyPem(),
        AUDIT_CHAIN_KEYS: chainKeyBase64(),
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
      },
    });
    return { bed, checkpointDir };
  } catch (error: unknown) {
    await rm(checkpointDir, { recursive: true, force: true });
    throw error;
  }
}

export async function stopAuditBed(audit: AuditBed | undefined): Promise<void> {
  if (audit === undefined) return;
  await audit.bed.close();
  await rm(audit.checkpointDir, { recursive: true, force: true });
}

export interface LoginAttemptOptions {
  /** Left out: an attempt on an unknown account name. */
  readonly userId?: string;
  readonly outcome?: LoginOutcome;
  readonly ip?: string;
  readonly deviceId?: string;
  readonly userAgent?: string;
  readonly attemptedAt: Date;
  readonly institutionIds?: readonly string[];
}

/** An `accounts.login.attempted` event as accounts publishes it (a success from a Beijing IP by default). */
export function loginAttempt(o: LoginAttemptOptions): EventEnvelope<'accounts.login.attempted'> {
  const userId = o.userId;
  return envelopeOf(Topics.LoginAttempted, userId ?? randomUUID(), {
    attemptId: randomUUID(),
    ...(userId === undefined ? {} : { userId }),
    outcome: o.outcome ?? 'success',
    ip: o.ip ?? '114.247.50.2',
    userAgent: o.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    ...(o.deviceId === undefined ? {} : { deviceId: o.deviceId }),
    attemptedAt: o.attemptedAt.toISOString(),
    ...(o.institutionIds === undefined ? {} : { institutionIds: [...o.institutionIds] }),
  });
}

/** Produces envelopes on their physical topics, one batch per topic, keyed by subject like the outbox relay does. */
export async function publish({ bed }: AuditBed, envelopes: readonly EventEnvelope[]): Promise<void> {
  const byTopic = new Map<TopicName, EventEnvelope[]>();
  for (const envelope of envelopes)
    byTopic.set(envelope.type, [...(byTopic.get(envelope.type) ?? []), envelope]);
  for (const [topic, list] of byTopic) {
    await bed.probe.produce(
      bed.names.physical(topic),
      list.map((e) => ({ key: e.subjectId, value: JSON.stringify(e) })),
    );
  }
}

/** A `login_assessments` row as the scenario tests read it. */
export interface AssessmentRow {
  attempt_id: string;
  decision: string;
  score: number;
  severity: string | null;
  rules_fired: string;
  detections: string;
  alert_id: string | null;
}

/** Waits until every attempt is assessed; returns the rows in the attempts' order. */
export async function assessmentsOf(
  data: DataSource,
  events: readonly EventEnvelope<'accounts.login.attempted'>[],
): Promise<AssessmentRow[]> {
  const ids = events.map((e) => e.payload.attemptId);
  return expectEventually(
    async () => {
      const rows: AssessmentRow[] = await data.query(
        'SELECT * FROM login_assessments WHERE attempt_id IN (?)',
        [ids],
      );
      expect(rows).toHaveLength(ids.length);
      return ids.map((id) => {
        const row = rows.find((r) => r.attempt_id === id);
        if (row === undefined) throw new Error(`attempt ${id} not assessed`);
        return row;
      });
    },
    { timeoutMs: 60_000 },
  );
}

/** The rules an assessment fired. */
export function rulesOf(row: Pick<AssessmentRow, 'rules_fired'>): string[] {
  return JSON.parse(row.rules_fired) as string[];
}
