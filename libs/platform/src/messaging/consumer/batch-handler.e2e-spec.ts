import { randomUUID } from 'node:crypto';

import { type EventEnvelope, Topics } from '@exam/contracts';
import {
  createTestDatabase,
  expectEventually,
  KafkaProbe,
  type ProbedMessage,
  type RunningService,
  startTestService,
  type TestDatabase,
  testEnvelope,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';

import { BaseServiceEnv } from '../../config/base-service.env';
import { PlatformModule } from '../../platform.module';
import { ensureTopics, platformTopicSpecs } from '../topic-admin';
import { TopicNamer } from '../topic-namer';
import type { DeadLetterRecord } from './dead-letter.publisher';
import { EventBatchContext } from './event-context';
import { OnEventBatch } from './on-event.decorator';

type Registered = EventEnvelope<'accounts.user.registered'>;

class CreateBatchFixture1764115200009 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE batch_fixture_projection (
         user_id CHAR(36) NOT NULL PRIMARY KEY,
         applied INT NOT NULL,
         batch_size INT NOT NULL,
         isolation VARCHAR(32) NOT NULL
       ) DEFAULT CHARSET=utf8mb4`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE batch_fixture_projection');
  }
}

/** Applies a whole batch with one statement; refuses the batch if it holds a poison event. */
@Controller()
class BatchFixtureHandler {
  @OnEventBatch(Topics.UserRegistered, { isolation: 'READ COMMITTED' })
  async onUsersRegistered(
    @Payload() events: readonly Registered[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    if (events.length !== ctx.deliveries.length) throw new Error('every event needs its delivery');
    if (events.some((e) => e.payload.nickname.startsWith('poison')))
      throw new Error('fixture batch handler refuses poison');
    // The transaction's own level (SET TRANSACTION applies to the next transaction, not the session variable).
    const isolation: { level: string }[] = await ctx.manager.query(
      'SELECT trx_isolation_level AS level FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = CONNECTION_ID()',
    );
    await ctx.manager.query(
      `INSERT INTO batch_fixture_projection (user_id, applied, batch_size, isolation) VALUES ${events.map(() => '(?, 1, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE applied = applied + 1`,
      events.flatMap((e) => [e.payload.userId, events.length, isolation[0]?.level ?? '']),
    );
  }
}

@Module({})
class BatchFixtureModule {
  static register(env: BaseServiceEnv): DynamicModule {
    return {
      module: BatchFixtureModule,
      imports: [
        PlatformModule.forService({
          service: 'fixbatch',
          env,
          entities: [],
          migrations: [CreateBatchFixture1764115200009],
        }),
      ],
      controllers: [BatchFixtureHandler],
    };
  }
}

interface Row {
  user_id: string;
  applied: number;
  batch_size: number;
  isolation: string;
}

describe('KafkaEventServer batch handlers (real Kafka, real MariaDB)', () => {
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const probe = new KafkaProbe();
  let db: TestDatabase;
  let service: RunningService;
  let data: DataSource;
  let deadLetters: ProbedMessage[];

  const registered = (nickname: string): Registered => {
    const userId = randomUUID();
    return testEnvelope(Topics.UserRegistered, userId, {
      userId,
      kind: 'candidate',
      maskedContact: 'z***@example.com',
      nickname,
    });
  };

  async function rowsOf(events: readonly Registered[]): Promise<Row[]> {
    return data.query('SELECT * FROM batch_fixture_projection WHERE user_id IN (?)', [
      events.map((e) => e.payload.userId),
    ]);
  }

  async function produce(events: readonly Registered[], key: string): Promise<void> {
    await probe.produce(
      names.physical(Topics.UserRegistered),
      events.map((e) => ({ key, value: JSON.stringify(e) })),
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('batch_handler');
    await probe.withAdmin((admin) =>
      ensureTopics(admin, platformTopicSpecs(names, 1, [Topics.UserRegistered])),
    );
    const env = testServiceEnv(BaseServiceEnv, { databaseName: db.name, topicPrefix: prefix });
    service = await startTestService('fixbatch', env, BatchFixtureModule.register(env));
    data = service.app.get(DataSource);
    deadLetters = await probe.collect(names.deadLetter(Topics.UserRegistered));
  });

  afterAll(async () => {
    await service.close();
    await probe.close();
    await db.drop();
  });

  it('should apply a batch in one call at the isolation asked for, once per event id even when repeated', async () => {
    const events = Array.from({ length: 20 }, (_, i) => registered(`batch-${i}`));
    const repeated = events[3];
    await produce([...events, repeated, repeated], randomUUID());
    const rows = await expectEventually(async () => {
      const found = await rowsOf(events);
      expect(found).toHaveLength(events.length);
      return found;
    });
    expect(rows.every((r) => r.applied === 1)).toBe(true);
    expect(Math.max(...rows.map((r) => r.batch_size))).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.isolation))).toEqual(new Set(['READ COMMITTED']));
  });

  it('should ignore a replay of events already applied', async () => {
    const events = [registered('replay-1'), registered('replay-2')];
    const key = randomUUID();
    await produce(events, key);
    await expectEventually(async () => {
      expect(await rowsOf(events)).toHaveLength(2);
    });
    // Same key, same partition: once the marker is applied, the replays before it were consumed.
    const marker = registered('replay-marker');
    await produce([events[1], events[0], marker], key);
    await expectEventually(async () => {
      expect(await rowsOf([marker])).toHaveLength(1);
    });
    expect((await rowsOf(events)).map((r) => r.applied)).toEqual([1, 1]);
  });

  it('should isolate a poison event: its neighbours go through one by one, it is retried then dead-lettered', async () => {
    const events = [registered('good-1'), registered('poison-1'), registered('good-2')];
    await produce(events, randomUUID());
    const good = [events[0], events[2]];
    await expectEventually(
      async () => {
        expect((await rowsOf(good)).map((r) => r.applied)).toEqual([1, 1]);
      },
      { timeoutMs: 30_000 },
    );
    const record = await expectEventually(
      () => {
        const match = deadLetters
          .map((m) => JSON.parse(m.value ?? '{}') as DeadLetterRecord)
          .find((r) => r.original?.includes(events[1].id));
        expect(match).toBeDefined();
        return match!;
      },
      { timeoutMs: 30_000 },
    );
    expect(record.reason).toContain('HANDLER.FAILED');
    expect(record.attempts).toBe(3);
    expect(await rowsOf([events[1]])).toEqual([]);
  });
});
