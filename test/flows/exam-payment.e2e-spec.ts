import { randomUUID } from 'node:crypto';

import { ensureTopics, platformTopicSpecs, TopicNamer } from '@exam/platform';
import {
  createTestDatabase,
  expectEventually,
  type RunningService,
  type ServiceTestBed,
  startTestService,
  type TestDatabase,
  testServiceEnv,
} from '@exam/testing';

import type { ExamEnv } from '../../apps/exam/src/config/exam.env';
import { attemptExamBody, attemptPaper } from '../../apps/exam/test/support/attempt-fixtures';
import { ExamClient, staff, startExamBed, user } from '../../apps/exam/test/support/exam-bed';
import { PaymentsEnv } from '../../apps/payments/src/config/payments.env';
import { PaymentsModule } from '../../apps/payments/src/payments.module';
import {
  paymentsProviderEnv,
  providerTestKeys,
  type RunningPaySim,
  startPaySim,
} from '../../apps/payments/test/support/pay-sim-harness';
import { PAYMENTS_TOPICS, PaymentsClient, SimClient } from '../../apps/payments/test/support/payments-bed';

/**
 * Issue 15 across services: exam publishes a fee registration, payments opens its order at exam's fee, the
 * candidate pays at the provider simulator, payments' signed `payments.order.paid` confirms the registration
 * in exam, and cancelling the registration makes exam ask payments (signed) to refund, settled by the provider.
 */
describe('exam fee paid and refunded (exam + payments + pay-sim e2e)', () => {
  let exam: ServiceTestBed<ExamEnv>;
  let paymentsDb: TestDatabase;
  let payments: RunningService;
  let sim: RunningPaySim;

  beforeAll(async () => {
    exam = await startExamBed();
    const keys = providerTestKeys();
    sim = await startPaySim(keys);
    paymentsDb = await createTestDatabase('payments_flow');
    const prefix = exam.env.KAFKA_TOPIC_PREFIX;
    await exam.probe.withAdmin((admin) =>
      ensureTopics(admin, platformTopicSpecs(new TopicNamer(prefix), 1, PAYMENTS_TOPICS)),
    );
    const env = testServiceEnv(PaymentsEnv, {
      databaseName: paymentsDb.name,
      topicPrefix: prefix,
      overrides: paymentsProviderEnv(keys, sim.url),
    });
    payments = await startTestService('payments', env, PaymentsModule.register(env));
    env.PAYMENTS_NOTIFY_BASE_URL = payments.url;
  }, 180_000);

  afterAll(async () => {
    await payments.close();
    await paymentsDb.drop();
    await sim.close();
    await exam.close();
  });

  it('should confirm the registration when its order is paid, and refund it when the registration is cancelled', async () => {
    const institutionId = randomUUID();
    const examApi = new ExamClient(exam.url);
    const payApi = new PaymentsClient(payments.url);
    const simApi = new SimClient(sim.url);
    const admin = staff(institutionId, 'org_admin');
    const { paperId } = await attemptPaper(examApi, admin, institutionId);
    const created = await examApi.call(
      'post',
      `/institutions/${institutionId}/exams`,
      admin,
      attemptExamBody(paperId, new Date(), { feeFen: 12_000 }),
    );
    expect(created.status).toBe(201);
    const examId = created.body.examId as string;
    expect(
      (await examApi.call('post', `/institutions/${institutionId}/exams/${examId}/publish`, admin)).status,
    ).toBe(200);
    const candidate = user();
    const registration = await examApi.call('post', `/exams/${examId}/registrations`, candidate, {
      answers: [],
    });
    expect(registration.body).toMatchObject({ status: 'pending_payment', feeFen: 12_000 });
    const registrationId = registration.body.registrationId as string;

    let orderId = '';
    await expectEventually(async () => {
      const mine = await payApi.call('get', '/me/orders', candidate);
      expect(mine.body.items).toMatchObject([{ kind: 'exam_fee', registrationId, amountFen: 12_000 }]);
      orderId = (mine.body.items as { orderId: string }[])[0]?.orderId ?? '';
    });
    const checkout = await payApi.call('post', `/me/orders/${orderId}/checkout`, candidate, {
      provider: 'alipay',
      method: 'precreate',
    });
    expect(checkout.status).toBe(200);
    const paid = await simApi.pay(checkout.body.codeUrl as string);
    expect(paid.body.deliveries.map((d) => d.response)).toEqual(['success']);

    await expectEventually(async () => {
      const mine = await examApi.call('get', `/me/registrations/${registrationId}`, candidate);
      expect(mine.body).toMatchObject({ status: 'confirmed', paid: true });
    });

    const cancelled = await examApi.call('post', `/me/registrations/${registrationId}/cancel`, candidate);
    expect(cancelled.status).toBe(200);
    await expectEventually(async () => {
      const order = await payApi.call('get', `/me/orders/${orderId}`, candidate);
      expect(order.body).toMatchObject({ status: 'refunded', refundedFen: 12_000 });
      expect(order.body.refunds).toMatchObject([{ source: 'exam', status: 'succeeded', amountFen: 12_000 }]);
    });
  });
});
