import {
  BaseServiceEnv,
  ensureTopics,
  kafkaSaslFrom,
  loadConfig,
  platformTopicSpecs,
  TopicNamer,
} from '@exam/platform';
import { Kafka, logLevel } from 'kafkajs';

/** Admin step of the start command: every contract topic and its dead-letter topic, explicit partitions. */
async function main(): Promise<void> {
  const env = loadConfig(BaseServiceEnv, { ...process.env, DATABASE_NAME: 'unused' });
  const sasl = kafkaSaslFrom(env);
  const kafka = new Kafka({
    clientId: 'topic-admin',
    brokers: env.KAFKA_BROKERS.split(','),
    ...(sasl === undefined ? {} : { sasl }),
    ssl: env.KAFKA_SSL,
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const specs = platformTopicSpecs(new TopicNamer(env.KAFKA_TOPIC_PREFIX), env.KAFKA_REPLICATION_FACTOR);
    const created = await ensureTopics(admin, specs);
    process.stdout.write(`[topics] ${specs.length} topics present (${created.length} created now)\n`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[topics] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
