import { randomUUID } from 'node:crypto';

import type { EventEnvelope } from '@exam/contracts';

import { auditRecordOf, streamOf } from './audit-record.mapper';

function envelope<T extends EventEnvelope['type']>(
  type: T,
  payload: EventEnvelope<T>['payload'],
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: '2026-01-01T08:00:00+08:00',
    producer: 'x',
    subjectId: 's',
    traceId: 't',
    payload,
  };
}

describe(auditRecordOf.name, () => {
  it('should chain a staff action on an exam attempt by its staff member, tenant and reason hash', () => {
    const staffUserId = randomUUID();
    const institutionId = randomUUID();
    const userId = randomUUID();
    const sut = auditRecordOf(
      envelope('exam.proctoring.staff_action_taken', {
        actionId: randomUUID(),
        attemptId: randomUUID(),
        examId: randomUUID(),
        institutionId,
        userId,
        staffUserId,
        action: 'add_time',
        minutes: 10,
        reasonSha256: 'a'.repeat(64),
        deadlineAt: '2026-01-01T10:00:00.000Z',
        takenAt: '2026-01-01T09:00:00.000Z',
      }),
    );
    expect(sut).toMatchObject({ actorId: staffUserId, subjectUserId: userId, institutionId });
    expect(sut.attributes).toMatchObject({ action: 'add_time', minutes: 10, reasonSha256: 'a'.repeat(64) });
  });

  it('should chain a payments staff decision by its staff member and tenant, in the payments stream', () => {
    const staffUserId = randomUUID();
    const institutionId = randomUUID();
    const refundId = randomUUID();
    const actionId = randomUUID();
    const sut = auditRecordOf(
      envelope('payments.staff.action_taken', {
        actionId,
        institutionId,
        staffUserId,
        action: 'refund_rejected',
        subjectId: refundId,
        amountFen: 80_000,
        reasonSha256: 'b'.repeat(64),
        takenAt: '2026-01-01T09:00:00.000Z',
      }),
    );
    expect(streamOf('payments.staff.action_taken')).toBe('payments');
    expect(sut).toMatchObject({ actorId: staffUserId, subjectUserId: null, institutionId });
    expect(sut.attributes).toEqual({
      actionId,
      action: 'refund_rejected',
      subjectId: refundId,
      amountFen: 80_000,
      reasonSha256: 'b'.repeat(64),
      takenAt: '2026-01-01T09:00:00.000Z',
    });
  });

  it('should chain a platform-wide payments action with no tenant and no amount or reason', () => {
    const staffUserId = randomUUID();
    const sut = auditRecordOf(
      envelope('payments.staff.action_taken', {
        actionId: randomUUID(),
        institutionId: null,
        staffUserId,
        action: 'statement_run_requested',
        subjectId: 'wechat:2026-01-01',
        amountFen: null,
        reasonSha256: null,
        takenAt: '2026-01-01T09:00:00.000Z',
      }),
    );
    expect(sut).toMatchObject({ actorId: staffUserId, institutionId: null });
    expect(sut.attributes).toMatchObject({
      subjectId: 'wechat:2026-01-01',
      amountFen: null,
      reasonSha256: null,
    });
  });

  it('should chain an anti-cheat consequence as the exam service acting on the candidate', () => {
    const userId = randomUUID();
    const sut = auditRecordOf(
      envelope('exam.proctoring.consequence_applied', {
        attemptId: randomUUID(),
        examId: randomUUID(),
        institutionId: randomUUID(),
        userId,
        rule: 'tab_switch',
        consequence: 'terminated',
        count: 5,
        warnings: 1,
        appliedAt: '2026-01-01T09:00:00.000Z',
      }),
    );
    expect(sut).toMatchObject({ actorId: 'service:exam', subjectUserId: userId });
    expect(sut.attributes).toMatchObject({ rule: 'tab_switch', consequence: 'terminated', count: 5 });
  });

  it('should keep a login attempt free of the full IP, device id and user agent', () => {
    const sut = auditRecordOf(
      envelope('accounts.login.attempted', {
        attemptId: randomUUID(),
        userId: randomUUID(),
        outcome: 'success',
        ip: '114.247.50.2',
        userAgent: 'Mozilla/5.0 (Zhang San laptop)',
        deviceId: 'device-of-zhang-san',
        attemptedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const text = JSON.stringify(sut);
    expect(sut.ipMasked).toBe('114.247.50.*');
    expect(text).not.toContain('114.247.50.2');
    expect(text).not.toContain('zhang-san');
    expect(text).not.toContain('Zhang San');
    expect(sut.occurredAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('should record who revealed whose value and why as a fingerprint, never the reason text', () => {
    const actorId = randomUUID();
    const reason = 'Appeal 4711 from Zhang San: compare with the scanned card';
    const sut = auditRecordOf(
      envelope('identity.personal_data.revealed', {
        revealId: randomUUID(),
        actorId,
        subjectId: 'user-42',
        field: 'idNumber',
        reason,
        revealedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(sut.actorId).toBe(actorId);
    expect(sut.subjectUserId).toBe('user-42');
    expect(sut.attributes.field).toBe('idNumber');
    expect(sut.attributes.reasonRef).toEqual(expect.stringMatching(/^[0-9a-f]{16}$/));
    expect(JSON.stringify(sut)).not.toContain('Zhang San');
  });

  it("should chain an exam reveal like the other services' reveals, in the exam stream", () => {
    const sut = auditRecordOf(
      envelope('exam.personal_data.revealed', {
        revealId: randomUUID(),
        actorId: randomUUID(),
        subjectId: 'registration-7',
        field: 'idNumber',
        reason: 'Door check of candidate Li Si',
        revealedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(sut.subjectUserId).toBe('registration-7');
    expect(sut.attributes.field).toBe('idNumber');
    expect(JSON.stringify(sut)).not.toContain('Li Si');
    expect(streamOf('exam.personal_data.revealed')).toBe('exam');
  });

  it('should keep only the kind of a contact change, not the masked new value', () => {
    const sut = auditRecordOf(
      envelope('accounts.contact.changed', {
        userId: randomUUID(),
        kind: 'phone',
        maskedNewValue: '139****5678',
        changedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(sut.attributes).toEqual({ kind: 'phone' });
  });

  it('should drop even masked names and ID numbers of a verification', () => {
    const sut = auditRecordOf(
      envelope('identity.verification.completed', {
        userId: randomUUID(),
        verificationId: randomUUID(),
        result: 'match',
        maskedName: '张*',
        maskedIdNumber: '1101**********1234',
        minor: false,
      }),
    );
    expect(JSON.stringify(sut)).not.toMatch(/张|1234/);
    expect(sut.attributes).toMatchObject({ result: 'match', minor: false });
  });

  it('should chain a guardian consent withdrawal against the child, with nothing about the guardian', () => {
    const child = randomUUID();
    const sut = auditRecordOf(
      envelope('identity.guardian_consent.withdrawn', {
        childUserId: child,
        consentId: 'c-1',
        relationship: 'mother',
        withdrawnAt: '2026-11-26T10:00:00+08:00',
      }),
    );
    expect(sut).toMatchObject({
      subjectUserId: child,
      attributes: { consentId: 'c-1', relationship: 'mother', withdrawnAt: '2026-11-26T02:00:00.000Z' },
    });
    expect(streamOf('identity.guardian_consent.withdrawn')).toBe('identity');
  });

  it('should put each service in its own stream', () => {
    expect(streamOf('payments.order.paid')).toBe('payments');
    expect(streamOf('accounts.login.attempted')).toBe('accounts');
  });
});
