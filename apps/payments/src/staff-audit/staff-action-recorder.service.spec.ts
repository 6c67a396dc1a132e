import { createHash, randomUUID } from 'node:crypto';

import { type PayloadOf, Topics } from '@exam/contracts';
import { type EventPublisher, parseEnvelope, type StagedEvent } from '@exam/platform';
import { TestClock } from '@exam/testing';
import type { EntityManager } from 'typeorm';

import { StaffActionRecorder } from './staff-action-recorder.service';

type Staged = StagedEvent<'payments.staff.action_taken'>;

/** The bytes a consumer would receive for a staged payload, so the consumer's own validation judges it. */
function wire(payload: PayloadOf<'payments.staff.action_taken'> | Record<string, unknown>): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      type: Topics.PaymentStaffActionTaken,
      version: 1,
      occurredAt: '2026-01-15T08:00:00.000Z',
      producer: 'payments',
      subjectId: 's',
      traceId: 'trace-123456',
      payload,
    }),
  );
}

describe(StaffActionRecorder.name, () => {
  const tx = {} as EntityManager;
  let staged: { topic: string; event: Staged }[];
  let sut: StaffActionRecorder;

  beforeEach(() => {
    staged = [];
    const events = {
      stage: (_tx: EntityManager, topic: string, event: Staged) => {
        staged.push({ topic, event });
        return Promise.resolve();
      },
    };
    sut = new StaffActionRecorder(
      events as unknown as EventPublisher,
      new TestClock('2026-01-15T08:00:00.000Z'),
    );
  });

  it('should stage one event keyed by its subject, with the reason as its SHA-256 only', async () => {
    const institutionId = randomUUID();
    const staffUserId = randomUUID();
    const refundId = randomUUID();
    await sut.record(tx, {
      action: 'refund_rejected',
      institutionId,
      staffUserId,
      subjectId: refundId,
      amountFen: 80_000,
      reason: '重复申请',
    });
    expect(staged).toHaveLength(1);
    const [{ topic, event }] = staged as [{ topic: string; event: Staged }];
    expect(topic).toBe(Topics.PaymentStaffActionTaken);
    expect(event.subjectId).toBe(refundId);
    expect(event.payload).toEqual({
      actionId: event.payload.actionId,
      institutionId,
      staffUserId,
      action: 'refund_rejected',
      subjectId: refundId,
      amountFen: 80_000,
      reasonSha256: createHash('sha256').update('重复申请', 'utf8').digest('hex'),
      takenAt: '2026-01-15T08:00:00.000Z',
    });
    expect(JSON.stringify(event)).not.toContain('重复申请');
    expect(parseEnvelope(Topics.PaymentStaffActionTaken, wire(event.payload)).ok).toBe(true);
  });

  it('should stage a platform-wide action without tenant, amount or reason that consumers accept', async () => {
    await sut.record(tx, {
      action: 'statement_run_requested',
      institutionId: null,
      staffUserId: randomUUID(),
      subjectId: 'wechat:2026-01-14',
    });
    const [{ event }] = staged as [{ topic: string; event: Staged }];
    expect(event.payload).toMatchObject({ institutionId: null, amountFen: null, reasonSha256: null });
    expect(parseEnvelope(Topics.PaymentStaffActionTaken, wire(event.payload)).ok).toBe(true);
  });

  it.each([
    ['a missing tenant', { institutionId: undefined }],
    ['an unknown action', { action: 'order_deleted' }],
    ['a subject that is not an id', { subjectId: 'Zhang San <zs@example.com>' }],
    ['a fractional amount', { amountFen: 1.5 }],
    ['a reason in clear', { reasonSha256: '重复申请' }],
    ['an extra field', { title: '张三' }],
  ])('should be refused by consumers with %s', (_label, change) => {
    const valid: PayloadOf<'payments.staff.action_taken'> = {
      actionId: randomUUID(),
      institutionId: randomUUID(),
      staffUserId: randomUUID(),
      action: 'invoice_issued',
      subjectId: randomUUID(),
      amountFen: 19_900,
      reasonSha256: null,
      takenAt: '2026-01-15T08:00:00.000Z',
    };
    const sut = parseEnvelope(Topics.PaymentStaffActionTaken, wire({ ...valid, ...change }));
    expect(sut.ok).toBe(false);
  });
});
