import { Topics } from '@exam/contracts';
import { BaseServiceEnv, ensureTopics, platformTopicSpecs, TopicNamer } from '@exam/platform';
import {
  createTestDatabase,
  KafkaProbe,
  startTestService,
  type TestDatabase,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';

import { FixtureProducerModule } from './fixtures/fixture-producer.module';

describe('graceful shutdown', () => {
  const prefix = uniqueTopicPrefix();
  const probe = new KafkaProbe();
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
    await probe.withAdmin((admin) =>
      ensureTopics(admin, platformTopicSpecs(new TopicNamer(prefix), 1, [Topics.UserRegistered])),
    );
  });

  afterAll(async () => {
    await probe.close();
    await database.drop();
  });

  it('should flush staged events to Kafka before the service stops', async () => {
    // A poll interval far longer than the test: only the shutdown flush can publish these events.
    const env = testServiceEnv(BaseServiceEnv, {
      databaseName: database.name,
      topicPrefix: prefix,
      overrides: { OUTBOX_POLL_SECONDS: '60' },
    });
    const service = await startTestService('fixprod', env, FixtureProducerModule.register(env));
    for (const nickname of ['a', 'b', 'c']) {
      await request(service.url).post('/api/fixprod/users').send({ nickname }).expect(201);
    }
    await service.close();

    const connection = await createConnection(database.url);
    try {
      const [rows] = await connection.query(
        'SELECT COUNT(*) AS unsent FROM outbox_events WHERE sent_at IS NULL',
      );
      expect(Number((rows as { unsent: number | string }[])[0]?.unsent)).toBe(0);
    } finally {
      await connection.end();
    }
    expect(await probe.countMessages(new TopicNamer(prefix).physical(Topics.UserRegistered))).toBe(3);
  });
});
