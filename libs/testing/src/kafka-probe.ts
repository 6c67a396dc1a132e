import { randomBytes } from 'node:crypto';

import { type Admin, type Consumer, Kafka, type KafkaMessage, logLevel, type Producer } from 'kafkajs';

import { testEnv } from './test-env';

/** A topic prefix unique to this test file, so runs and files never see each other's events. */
export function uniqueTopicPrefix(): string {
  return `t${testEnv().runId}${randomBytes(2).toString('hex')}.`;
}

export interface ProbedMessage {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

function toProbed(message: KafkaMessage): ProbedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return {
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers,
  };
}

/** Reads and writes raw messages on physical topics, the way an outside client would. */
export class KafkaProbe {
  private readonly kafka = new Kafka({
    clientId: `probe-${randomBytes(3).toString('hex')}`,
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  async produce(topic: string, messages: { key?: string; value: string }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Collects every message of a topic from the beginning into the returned array, as it arrives. */
  async collect(topic: string): Promise<ProbedMessage[]> {
    const received: ProbedMessage[] = [];
    const consumer = this.kafka.consumer({
      groupId: `probe-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(toProbed(message));
        return Promise.resolve();
      },
    });
    return received;
  }

  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Total messages ever written to a topic (sum of high watermarks; nothing is compacted here). */
  async countMessages(topic: string): Promise<number> {
    const offsets = await this.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer?.disconnect();
  }
}
