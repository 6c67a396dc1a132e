// Global setup/teardown run outside jest's module mapper, so the alias cannot be used here.
import { Kafka, logLevel } from 'kafkajs';

import { findSensitiveNumbers } from '../../crypto/src/masking/sensitive-number.detector';
import { withKafkaRetry } from '../../platform/src/messaging/kafka-retry';
import { testEnv } from './test-env';

const SCAN_TIMEOUT_MS = 60_000;

/**
 * After the e2e suite: every message produced on this run's topics (prefix `t<runId>`) is read back
 * and scanned for full resident ID, phone and bank-card numbers; any finding fails the run. The run's
 * topics are then deleted so the local broker does not accumulate them.
 */
export default async function globalTeardown(): Promise<void> {
  const env = testEnv();
  const kafka = new Kafka({
    clientId: 'leak-scan',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    ...(env.kafkaSasl === undefined ? {} : { sasl: { mechanism: 'scram-sha-512', ...env.kafkaSasl } }),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`t${env.runId}`));
    if (topics.length === 0) return;
    let expected = 0;
    for (const topic of topics) {
      for (const p of await withKafkaRetry(() => admin.fetchTopicOffsets(topic), { timeoutMs: 30_000 }))
        expected += Number(p.high) - Number(p.low);
    }
    const findings: string[] = [];
    let seen = 0;
    if (expected > 0) {
      const consumer = kafka.consumer({ groupId: `leak-scan-${env.runId}`, maxWaitTimeInMs: 200 });
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SCAN_TIMEOUT_MS);
        void consumer.run({
          eachMessage: ({ topic, partition, message }) => {
            seen += 1;
            for (const f of findSensitiveNumbers(message.value?.toString('utf8') ?? '')) {
              findings.push(`${topic}[${partition}]@${message.offset}: unmasked ${f.kind}`);
            }
            if (seen >= expected) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        });
      });
      await consumer.disconnect();
    }
    await admin.deleteTopics({ topics }).catch(() => undefined);
    process.stdout.write(
      `[leak-scan] ${seen}/${expected} messages on ${topics.length} topics scanned, ${findings.length} finding(s)\n`,
    );
    if (findings.length > 0) {
      throw new Error(`Personal data leaked into Kafka during the e2e suite:\n  ${findings.join('\n  ')}`);
    }
  } finally {
    await admin.disconnect();
  }
}
