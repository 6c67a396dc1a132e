import { Topics } from '@exam/contracts';
import { BaseServiceEnv, OutboxRelay } from '@exam/platform';
import { ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import { FixtureProducerModule } from './fixtures/fixture-producer.module';

describe(OutboxRelay.name, () => {
  let bed: ServiceTestBed<BaseServiceEnv>;

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'fixprod',
      envClass: BaseServiceEnv,
      module: (env) => FixtureProducerModule.register(env),
      topics: [Topics.UserRegistered],
      overrides: { OUTBOX_POLL_SECONDS: '60' },
    });
  });

  afterAll(async () => {
    await bed.close();
  });

  it('should not block service writes while it holds a batch locked for publishing', async () => {
    await request(bed.url).post('/api/fixprod/users').send({ nickname: 'before' }).expect(201);
    const relayView = bed.dataSource.createQueryRunner();
    await relayView.connect();
    try {
      // Hold the relay's exact locking read open, as during a slow send to Kafka.
      await relayView.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await relayView.startTransaction();
      await relayView.query(
        'SELECT seq FROM outbox_events WHERE sent_at IS NULL ORDER BY seq LIMIT 200 FOR UPDATE',
      );
      const started = Date.now();
      await request(bed.url).post('/api/fixprod/users').send({ nickname: 'during' }).expect(201);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await relayView.rollbackTransaction();
      await relayView.release();
    }
  });
});
