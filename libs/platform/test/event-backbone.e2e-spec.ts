import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import {
  BaseServiceEnv,
  type DeadLetterRecord,
  ensureTopics,
  platformTopicSpecs,
  TopicNamer,
} from '@exam/platform';
import {
  createTestDatabase,
  expectEventually,
  itWhen,
  KafkaProbe,
  kafkaScript,
  type ProbedMessage,
  type RunningService,
  startTestService,
  type TestDatabase,
  testEnv,
  testEnvelope,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { FixtureConsumerModule } from './fixtures/fixture-consumer.module';
import { FixtureProducerModule } from './fixtures/fixture-producer.module';

interface ProjectionRow {
  user_id: string;
  nickname: string;
  applied: number;
  trace_id: string;
}

describe('event backbone (outbox → Kafka → inbox)', () => {
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const probe = new KafkaProbe();
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let producer: RunningService;
  let producerReplica: RunningService;
  let consumer: RunningService;
  const running: RunningService[] = [];
  const databases: TestDatabase[] = [];
  let consumerData: DataSource;
  let producerData: DataSource;
  let deadLetters: ProbedMessage[];

  const envFor = (db: TestDatabase): BaseServiceEnv =>
    testServiceEnv(BaseServiceEnv, { databaseName: db.name, topicPrefix: prefix });

  async function register(nickname: string, via: RunningService = producer): Promise<string> {
    const response = await request(via.url).post('/api/fixprod/users').send({ nickname }).expect(201);
    return (response.body as { id: string }).id;
  }

  async function projection(userId: string): Promise<ProjectionRow | undefined> {
    const rows: ProjectionRow[] = await consumerData.query(
      'SELECT * FROM fixture_projection WHERE user_id = ?',
      [userId],
    );
    return rows[0];
  }

  async function expectAppliedOnce(userId: string): Promise<ProjectionRow> {
    return expectEventually(
      async () => {
        const row = await projection(userId);
        expect(row?.applied).toBe(1);
        return row!;
      },
      { timeoutMs: 60_000 },
    );
  }

  beforeAll(async () => {
    producerDb = await createTestDatabase('backbone_producer');
    consumerDb = await createTestDatabase('backbone_consumer');
    databases.push(producerDb, consumerDb);
    await probe.withAdmin((admin) =>
      ensureTopics(admin, platformTopicSpecs(names, 1, [Topics.UserRegistered])),
    );

    producer = await startTestService(
      'fixprod',
      envFor(producerDb),
      FixtureProducerModule.register(envFor(producerDb)),
    );
    producerReplica = await startTestService(
      'fixprod',
      envFor(producerDb),
      FixtureProducerModule.register(envFor(producerDb)),
    );
    consumer = await startTestService(
      'fixcons',
      envFor(consumerDb),
      FixtureConsumerModule.register(envFor(consumerDb)),
    );
    running.push(producer, producerReplica, consumer);
    consumerData = consumer.app.get(DataSource);
    producerData = producer.app.get(DataSource);
    deadLetters = await probe.collect(names.deadLetter(Topics.UserRegistered));
  });

  afterAll(async () => {
    await Promise.allSettled(running.map((service) => service.close()));
    await probe.close();
    await Promise.allSettled(databases.map((db) => db.drop()));
  });

  it('should report ready when database and Kafka answer', async () => {
    await request(consumer.url).get('/health/live').expect(200, { status: 'ok' });
    await expectEventually(async () => {
      await request(consumer.url).get('/health/ready').expect(200);
    });
  });

  it('should deliver a change from one service to another exactly once, with its trace id', async () => {
    const traceId = `trace-${randomUUID()}`;
    const response = await request(producer.url)
      .post('/api/fixprod/users')
      .set('x-request-id', traceId)
      .send({ nickname: '李明' })
      .expect(201);
    const userId = (response.body as { id: string }).id;
    const row = await expectAppliedOnce(userId);
    expect(row.nickname).toBe('李明');
    expect(row.trace_id).toBe(traceId);
    const sent: { sent_at: Date | null }[] = await producerData.query(
      "SELECT sent_at FROM outbox_events WHERE JSON_VALUE(envelope, '$.subjectId') = ?",
      [userId],
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.sent_at).not.toBeNull();
  });

  it('should publish nothing when the state change rolls back', async () => {
    await request(producer.url).post('/api/fixprod/users').send({ nickname: 'rollback' }).expect(500);
    const rows: unknown[] = await producerData.query(
      'SELECT seq FROM outbox_events WHERE envelope LIKE \'%"rollback"%\'',
    );
    expect(rows).toHaveLength(0);
  });

  it('should refuse to stage an event that carries a plaintext ID number, and roll the change back', async () => {
    const response = await request(producer.url)
      .post('/api/fixprod/users')
      .send({ nickname: '11010519491231002X' })
      .expect(500);
    expect((response.body as { code: string }).code).toBe('EVENT.PLAINTEXT_PERSONAL_DATA');
    expect(JSON.stringify(response.body)).not.toContain('11010519491231002X');
    const users: unknown[] = await producerData.query('SELECT id FROM fixture_users WHERE nickname = ?', [
      '11010519491231002X',
    ]);
    expect(users).toHaveLength(0);
  });

  it('should reject a malformed request with the field named', async () => {
    const response = await request(producer.url)
      .post('/api/fixprod/users')
      .send({ nickname: 42, extra: true })
      .expect(400);
    const body = response.body as { code: string; details: { field: string }[] };
    expect(body.code).toBe('REQUEST.INVALID');
    expect([...new Set(body.details.map((d) => d.field))].sort()).toEqual(['extra', 'nickname']);
  });

  it('should ignore a replayed event', async () => {
    const userId = await register('replayed');
    await expectAppliedOnce(userId);
    const rows: { envelope: string }[] = await producerData.query(
      "SELECT envelope FROM outbox_events WHERE JSON_VALUE(envelope, '$.subjectId') = ?",
      [userId],
    );
    const envelope = rows[0]?.envelope ?? '';
    await probe.produce(names.physical(Topics.UserRegistered), [
      { key: userId, value: envelope },
      { key: userId, value: envelope },
    ]);
    const marker = await register('after-replay');
    await expectAppliedOnce(marker);
    expect((await projection(userId))?.applied).toBe(1);
  });

  it('should dead-letter malformed events with the reason and keep consuming', async () => {
    const topic = names.physical(Topics.UserRegistered);
    const badPayload = JSON.stringify({
      id: randomUUID(),
      type: Topics.UserRegistered,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'test',
      subjectId: 'x',
      traceId: 'trace-bad-payload',
      payload: { userId: 'not-a-uuid', kind: 'candidate', maskedContact: 'a', nickname: 'n' },
    });
    await probe.produce(topic, [
      { key: 'poison', value: 'this is not json' },
      { key: 'poison', value: badPayload },
    ]);
    const after = await register('after-poison');
    await expectAppliedOnce(after);
    const records = await expectEventually(() => {
      const parsed = deadLetters.map((m) => JSON.parse(m.value ?? '{}') as DeadLetterRecord);
      expect(parsed.map((r) => r.reason.split(':')[0])).toEqual(
        expect.arrayContaining(['EVENT.NOT_JSON', 'EVENT.BAD_PAYLOAD']),
      );
      return parsed;
    });
    const notJson = records.find((r) => r.reason.startsWith('EVENT.NOT_JSON'))!;
    expect(notJson.original).toBe('this is not json');
    expect(notJson.originalTopic).toBe(topic);
    expect(deadLetters.find((m) => m.value?.includes('BAD_PAYLOAD'))?.headers['dlq-reason']).toContain(
      'payload.userId',
    );
  });

  it('should retry a failing handler a bounded number of times, then dead-letter it', async () => {
    const userId = await register('always-fails');
    const record = await expectEventually(
      () => {
        const match = deadLetters
          .map((m) => JSON.parse(m.value ?? '{}') as DeadLetterRecord)
          .find((r) => r.original?.includes(userId));
        expect(match).toBeDefined();
        return match!;
      },
      { timeoutMs: 30_000 },
    );
    expect(record.reason).toContain('HANDLER.FAILED');
    expect(record.attempts).toBe(3);
    expect(await projection(userId)).toBeUndefined();
    const next = await register('after-failure');
    await expectAppliedOnce(next);
  });

  it('should apply a batch in one transaction yet isolate a failing event within it', async () => {
    const key = randomUUID();
    const event = (nickname: string): string => {
      const userId = randomUUID();
      return JSON.stringify(
        testEnvelope(Topics.UserRegistered, userId, {
          userId,
          kind: 'candidate',
          maskedContact: 'z***@example.com',
          nickname,
        }),
      );
    };
    const values = [event('batch-1'), event('batch-2'), event('always-fails-in-batch'), event('batch-3')];
    await probe.produce(
      names.physical(Topics.UserRegistered),
      values.map((value) => ({ key, value })),
    );
    const userIds = values.map((v) => (JSON.parse(v) as { payload: { userId: string } }).payload.userId);
    for (const id of [userIds[0], userIds[1], userIds[3]]) await expectAppliedOnce(id);
    await expectEventually(
      () => {
        expect(deadLetters.some((m) => m.value?.includes(userIds[2]))).toBe(true);
      },
      { timeoutMs: 30_000 },
    );
    expect(await projection(userIds[2])).toBeUndefined();
  });

  it('should never publish a row twice when two relay replicas share the outbox', async () => {
    const topic = names.physical(Topics.UserRegistered);
    const before = await probe.countMessages(topic);
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        register(`replica-${i}`, i % 2 === 0 ? producer : producerReplica),
      ),
    );
    await Promise.all(ids.map((id) => expectAppliedOnce(id)));
    await expectEventually(async () => {
      const unsent: { n: string | number }[] = await producerData.query(
        'SELECT COUNT(*) AS n FROM outbox_events WHERE sent_at IS NULL',
      );
      expect(Number(unsent[0]?.n)).toBe(0);
    });
    expect((await probe.countMessages(topic)) - before).toBe(40);
  });

  const itStoppingKafka = itWhen(
    testEnv().localKafka,
    'the local broker of scripts/kafka.sh, which this test stops and restarts (KAFKA_BROKERS names another)',
  );

  itStoppingKafka(
    'should lose nothing and duplicate nothing while Kafka is down',
    async () => {
      await kafkaScript('stop');
      let ids: string[] = [];
      try {
        ids = await Promise.all(Array.from({ length: 5 }, (_, i) => register(`outage-${i}`)));
        const unsent: { n: string | number }[] = await producerData.query(
          'SELECT COUNT(*) AS n FROM outbox_events WHERE sent_at IS NULL',
        );
        expect(Number(unsent[0]?.n)).toBeGreaterThanOrEqual(1);
        await request(consumer.url).get('/health/ready').expect(503);
      } finally {
        await kafkaScript('start');
      }
      for (const id of ids) await expectAppliedOnce(id);
      const later = await register('after-outage');
      await expectAppliedOnce(later);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const id of ids) expect((await projection(id))?.applied).toBe(1);
    },
    240_000,
  );
});
