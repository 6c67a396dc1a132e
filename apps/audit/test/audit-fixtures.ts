import { generateKeyPairSync } from 'node:crypto';

import type { EventEnvelope, TopicName } from '@exam/contracts';
import { TopicNamer } from '@exam/platform';
import { expectEventually, KafkaProbe, testEnvelope } from '@exam/testing';
import type { DataSource } from 'typeorm';

/** A fresh Ed25519 private key as PKCS#8 PEM, for AUDIT_SIGNING_KEY. */
export function signingKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Builds an envelope exactly as another service's outbox would publish it. */
export const envelopeOf = testEnvelope;

/** Produces envelopes on their physical topics, keyed by subject like the outbox relay does. */
export async function publish(
  probe: KafkaProbe,
  names: TopicNamer,
  envelopes: readonly EventEnvelope[],
): Promise<void> {
  const byTopic = new Map<TopicName, EventEnvelope[]>();
  for (const envelope of envelopes)
    byTopic.set(envelope.type, [...(byTopic.get(envelope.type) ?? []), envelope]);
  for (const [topic, list] of byTopic) {
    await probe.produce(
      names.physical(topic),
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
