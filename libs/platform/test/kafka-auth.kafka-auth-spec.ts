import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Topics } from '@exam/contracts';
import {
  applyKafkaAcls,
  ensureTopics,
  kafkaAclPlan,
  type KafkaPrincipalService,
  platformTopicSpecs,
  TopicNamer,
} from '@exam/platform';
import { expectEventually, KafkaProbe, testEnv, testKafkaConfig, uniqueTopicPrefix } from '@exam/testing';
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';

/** #12 item 10 on a SASL/SCRAM broker with deny-by-default ACLs (npm run test:kafka-auth). */
describe('Kafka authentication and per-topic ACLs', () => {
  const sasl = testEnv().kafkaSasl;
  const passwordsDir = process.env.KAFKA_SASL_PASSWORDS_DIR ?? '';
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const admin = new KafkaProbe();
  const clients: Kafka[] = [];

  /** Error types kafkajs logged while it looked for a group coordinator (it hides them behind a generic error). */
  const coordinatorErrors: string[] = [];
  const recordCoordinatorErrors: KafkaConfig['logCreator'] = () => (entry) => {
    const error: unknown = entry.log.error;
    if (
      entry.log.message === 'Tried to find group coordinator' &&
      typeof error === 'object' &&
      error !== null
    )
      coordinatorErrors.push(String((error as { type?: unknown }).type));
  };

  function client(credentials: { username: string; password: string } | undefined, debug = false): Kafka {
    const base = testKafkaConfig(`auth-test-${credentials?.username ?? 'anonymous'}`);
    const config: KafkaConfig = {
      brokers: base.brokers,
      clientId: base.clientId,
      logLevel: debug ? logLevel.DEBUG : logLevel.NOTHING,
      ...(debug ? { logCreator: recordCoordinatorErrors } : {}),
      connectionTimeout: 3000,
      requestTimeout: 5000,
      retry: { retries: 0 },
      ...(credentials === undefined ? {} : { sasl: { mechanism: 'scram-sha-512', ...credentials } }),
    };
    const kafka = new Kafka(config);
    clients.push(kafka);
    return kafka;
  }

  function service(name: KafkaPrincipalService, debug = false): Kafka {
    return client(
      { username: name, password: readFileSync(join(passwordsDir, `${name}.password`), 'utf8') },
      debug,
    );
  }

  async function produce(kafka: Kafka, topic: string): Promise<void> {
    const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: '{}' }] });
    } finally {
      await producer.disconnect();
    }
  }

  beforeAll(async () => {
    if (sasl === undefined || passwordsDir === '')
      throw new Error(
        'These tests need a SASL/SCRAM broker: run `npm run test:kafka-auth` (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORDS_DIR set)',
      );
    await admin.withAdmin(async (kafkaAdmin) => {
      await ensureTopics(kafkaAdmin, platformTopicSpecs(names, 1));
      await applyKafkaAcls(kafkaAdmin, kafkaAclPlan(prefix));
    });
    // New ACLs reach the broker's authorizer through the metadata log a moment later: wait on a canary binding.
    await expectEventually(() => produce(service('payments'), names.physical(Topics.OrderPaid)), {
      timeoutMs: 30_000,
    });
  }, 120_000);

  afterAll(async () => {
    await admin.close();
  });

  it('should refuse a client without credentials', async () => {
    await expect(produce(client(undefined), names.physical(Topics.UserRegistered))).rejects.toThrow();
  });

  it('should refuse a service principal with a wrong password', async () => {
    const wrong = client({ username: 'audit', password: 'not-the-password-of-audit' });

    await expect(produce(wrong, names.physical(Topics.AccountActionRequested))).rejects.toThrow(
      /SASL SCRAM SHA512 authentication failed/i,
    );
  });

  it('should let a service produce its own topics', async () => {
    await expect(produce(service('audit'), names.physical(Topics.AccountActionRequested))).resolves.toBe(
      undefined,
    );
  });

  it.each([
    ['exam', Topics.ErasureRequested],
    ['identity', Topics.AccountActionRequested],
    ['payments', Topics.LoginAssessed],
    ['accounts', Topics.VerificationCompleted],
  ] as const)('should refuse %s producing %s', async (principal, topic) => {
    await expect(produce(service(principal), names.physical(topic))).rejects.toThrow(
      /not authorized to access topics/i,
    );
  });

  it('should let a consumer write the dead-letter topic of what it consumes, and no other', async () => {
    await expect(produce(service('exam'), names.deadLetter(Topics.ErasureRequested))).resolves.toBe(
      undefined,
    );
    await expect(produce(service('exam'), names.deadLetter(Topics.AccountActionRequested))).rejects.toThrow(
      /not authorized to access topics/i,
    );
  });

  it('should refuse reading a topic the service does not consume, and another service’s consumer group', async () => {
    const identity = service('identity');
    const reader = identity.consumer({ groupId: names.consumerGroup('identity') });
    const exam = service('exam', true).admin();
    try {
      await reader.connect();
      await expect(
        reader.subscribe({ topics: [names.physical(Topics.AccountActionRequested)] }),
      ).rejects.toThrow(/not authorized to access topics/i);
      await exam.connect();
      const offsetsOf = (service: KafkaPrincipalService) =>
        exam.fetchOffsets({
          groupId: names.consumerGroup(service),
          topics: [names.physical(Topics.ErasureRequested)],
        });
      // Its own group first: this also waits for a fresh broker to create its offsets topic (coordinator).
      await expectEventually(() => expect(offsetsOf('exam')).resolves.toHaveLength(1), { timeoutMs: 30_000 });
      // Same principal, client and topic, another group: refused, and the broker said why.
      coordinatorErrors.length = 0;
      await expect(offsetsOf('accounts')).rejects.toThrow();
      expect(coordinatorErrors).toContain('GROUP_AUTHORIZATION_FAILED');
    } finally {
      await Promise.allSettled([reader.disconnect(), exam.disconnect()]);
    }
  });
});
