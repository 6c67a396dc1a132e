import { createHash, randomUUID } from 'node:crypto';

import { type EventEnvelope, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken } from '@exam/testing';
import request from 'supertest';

import { type AuditBed, envelopeOf, publish, startAuditBed, stopAuditBed } from './audit-fixtures';

interface LogItem {
  stream: string;
  eventId: string;
  eventType: string;
  userId: string | null;
  actorId: string | null;
  institutionId: string | null;
  attributes: Record<string, unknown>;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Staff decisions of exam (proctoring) and payments reach the hash chain, each in its producer's stream, with
 * the staff member as actor and the institution as tenant; free-text reasons only as their SHA-256.
 */
describe('staff actions in the audit chain (real Kafka, real MariaDB)', () => {
  const analyst = { authorization: `Bearer ${issueTestToken({ roles: ['security_analyst'] })}` };
  const institutionId = randomUUID();
  const staffUserId = randomUUID();
  const operatorId = randomUUID();
  let audit: AuditBed;

  async function logOf(query: Record<string, string>): Promise<LogItem[]> {
    const found = await request(audit.bed.url).get('/api/audit/log').query(query).set(analyst).expect(200);
    return (found.body as { items: LogItem[] }).items;
  }

  beforeAll(async () => {
    audit = await startAuditBed([Topics.PaymentStaffActionTaken, Topics.ProctoringStaffActionTaken]);
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should chain payments and exam staff actions by their staff member and institution, once each', async () => {
    const refundId = randomUUID();
    const requested = envelopeOf(Topics.PaymentStaffActionTaken, refundId, {
      actionId: randomUUID(),
      institutionId,
      staffUserId: randomUUID(),
      action: 'refund_requested',
      subjectId: refundId,
      amountFen: 80_000,
      reasonSha256: sha256('学员退课'),
      takenAt: new Date().toISOString(),
    });
    const rejected = envelopeOf(Topics.PaymentStaffActionTaken, refundId, {
      actionId: randomUUID(),
      institutionId,
      staffUserId,
      action: 'refund_rejected',
      subjectId: refundId,
      amountFen: 80_000,
      reasonSha256: sha256('重复申请'),
      takenAt: new Date().toISOString(),
    });
    const run = envelopeOf(Topics.PaymentStaffActionTaken, 'wechat:2026-01-14', {
      actionId: randomUUID(),
      institutionId: null,
      staffUserId: operatorId,
      action: 'statement_run_requested',
      subjectId: 'wechat:2026-01-14',
      amountFen: null,
      reasonSha256: null,
      takenAt: new Date().toISOString(),
    });
    const attemptId = randomUUID();
    const candidateId = randomUUID();
    const addedTime = envelopeOf(Topics.ProctoringStaffActionTaken, attemptId, {
      actionId: randomUUID(),
      attemptId,
      examId: randomUUID(),
      institutionId,
      userId: candidateId,
      staffUserId,
      action: 'add_time',
      minutes: 10,
      reasonSha256: sha256('网络中断'),
      deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
      takenAt: new Date().toISOString(),
    });
    // The redelivered request is chained once (inbox de-duplication); the same key keeps the three in order.
    await publish(audit, [requested, requested, rejected, run, addedTime] as EventEnvelope[]);

    const ofInstitution = await expectEventually(async () => {
      const items = await logOf({ institutionId });
      expect(items.map((i) => i.eventId).sort()).toEqual([requested.id, rejected.id, addedTime.id].sort());
      return items;
    });
    expect(ofInstitution.find((i) => i.eventId === rejected.id)).toMatchObject({
      stream: 'payments',
      eventId: rejected.id,
      userId: null,
      actorId: staffUserId,
      institutionId,
      attributes: {
        action: 'refund_rejected',
        subjectId: refundId,
        amountFen: 80_000,
        reasonSha256: sha256('重复申请'),
      },
    });
    expect(ofInstitution.find((i) => i.eventType === Topics.ProctoringStaffActionTaken)).toMatchObject({
      stream: 'exam',
      userId: candidateId,
      actorId: staffUserId,
      institutionId,
    });
    expect(JSON.stringify(ofInstitution)).not.toMatch(/学员退课|重复申请|网络中断/);

    const platformWide = await expectEventually(async () => {
      const items = await logOf({ eventType: Topics.PaymentStaffActionTaken });
      expect(items).toHaveLength(3);
      return items;
    });
    expect(platformWide.find((i) => i.eventId === run.id)).toMatchObject({
      stream: 'payments',
      actorId: operatorId,
      institutionId: null,
      attributes: { action: 'statement_run_requested', subjectId: 'wechat:2026-01-14', amountFen: null },
    });
    const verify = await request(audit.bed.url).get('/api/audit/chain/verify').set(analyst).expect(200);
    expect(verify.body).toMatchObject({ ok: true, entries: 4 });
  });

  it('should dead-letter a payments staff action that carries free text instead of its hash', async () => {
    const invoiceId = randomUUID();
    const bad = envelopeOf(Topics.PaymentStaffActionTaken, invoiceId, {
      actionId: randomUUID(),
      institutionId,
      staffUserId,
      action: 'invoice_rejected',
      subjectId: invoiceId,
      amountFen: null,
      reasonSha256: '个人抬头请填写真实姓名',
      takenAt: new Date().toISOString(),
    });
    await publish(audit, [bad]);
    const dlq = await audit.bed.collect(Topics.PaymentStaffActionTaken, { deadLetter: true });
    await expectEventually(() => {
      expect(dlq.map((m) => m.value ?? '').some((v) => v.includes(bad.id))).toBe(true);
    });
    expect((await logOf({ eventType: Topics.PaymentStaffActionTaken })).map((i) => i.eventId)).not.toContain(
      bad.id,
    );
  });
});
