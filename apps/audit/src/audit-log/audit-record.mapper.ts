import { createHash } from 'node:crypto';

import type { EventEnvelope, PayloadOf, TopicName } from '@exam/contracts';
import { maskIp } from '@exam/crypto/masking';

import type { AuditRecord } from './audit-chain';
import type { CanonicalValue } from './canonical-json';

type Attributes = { [key: string]: CanonicalValue };

/** One stream per producing service (the topic's first segment): see docs/adr/0020-audit-hash-chain.md. */
export function streamOf(topic: TopicName): string {
  return topic.slice(0, topic.indexOf('.'));
}

/**
 * Login attempts, the platform's one high-volume topic, are chained per Kafka partition
 * (`accounts-login-<partition>`): a partition is consumed by one consumer at a time, so its stream
 * head is never contended and partitions are chained in parallel. The partition is that of the
 * delivery (a stable hash of the user), never something the producer writes in the payload.
 */
export function loginStreamOf(partition: number): string {
  return `accounts-login-${partition}`;
}

/** A stable pseudonymous reference to a device or address: lets staff correlate entries without the raw value. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);
}

function base<T extends TopicName>(
  envelope: EventEnvelope<T>,
  subjectUserId: string | null,
  attributes: Attributes,
): AuditRecord {
  return {
    eventId: envelope.id,
    eventType: envelope.type,
    producer: envelope.producer,
    occurredAt: new Date(envelope.occurredAt).toISOString(),
    traceId: envelope.traceId,
    subjectUserId,
    actorId: subjectUserId,
    institutionId: null,
    ipMasked: null,
    attributes,
  };
}

/** Who saw whose full value, which field and when; the free-text reason enters as a fingerprint only. */
function revealed(
  e:
    | EventEnvelope<'accounts.personal_data.revealed'>
    | EventEnvelope<'identity.personal_data.revealed'>
    | EventEnvelope<'exam.personal_data.revealed'>,
): AuditRecord {
  return {
    ...base(e, e.payload.subjectId, {
      revealId: e.payload.revealId,
      field: e.payload.field,
      reasonRef: fingerprint(e.payload.reason),
      revealedAt: new Date(e.payload.revealedAt).toISOString(),
    }),
    actorId: e.payload.actorId,
  };
}

/**
 * Keeps what an auditor needs and nothing that identifies a person by itself: ids, outcomes, masked
 * network data, fingerprints. Names, contact data and ID numbers (even masked) never enter the chain,
 * so erasing a person never requires touching it.
 */
export const AUDIT_RECORD_MAPPERS: {
  readonly [K in TopicName]?: (envelope: EventEnvelope<K>) => AuditRecord;
} = {
  'accounts.user.registered': (e) => base(e, e.payload.userId, { kind: e.payload.kind }),
  'accounts.password.changed': (e) => base(e, e.payload.userId, { method: e.payload.method }),
  // The kind of contact only: the (masked) new value is contact data and stays out of the chain.
  'accounts.contact.changed': (e) => base(e, e.payload.userId, { kind: e.payload.kind }),
  'accounts.personal_data.revealed': (e) => revealed(e),
  'identity.personal_data.revealed': (e) => revealed(e),
  'exam.personal_data.revealed': (e) => revealed(e),
  'accounts.session.revoked': (e) =>
    base(e, e.payload.userId, { sessionIds: [...e.payload.sessionIds], reason: e.payload.reason }),
  'accounts.membership.changed': (e) => ({
    ...base(e, e.payload.userId, { role: e.payload.role, change: e.payload.change }),
    institutionId: e.payload.institutionId,
  }),
  'accounts.institution.registered': (e) => ({
    ...base(e, e.payload.adminUserId, {}),
    institutionId: e.payload.institutionId,
  }),
  'accounts.login.attempted': (e) => {
    const p: PayloadOf<'accounts.login.attempted'> = e.payload;
    return {
      ...base(e, p.userId ?? null, {
        attemptId: p.attemptId,
        outcome: p.outcome,
        reason: p.reason ?? null,
        deviceRef: p.deviceId === undefined ? null : fingerprint(p.deviceId),
        userAgentRef: fingerprint(p.userAgent),
        attemptedAt: new Date(p.attemptedAt).toISOString(),
        ...(p.institutionIds === undefined ? {} : { institutionIds: [...p.institutionIds] }),
      }),
      institutionId: p.institutionIds?.at(0) ?? null,
      ipMasked: maskIp(p.ip),
    };
  },
  'accounts.erasure.requested': (e) =>
    base(e, e.payload.userId, {
      requestId: e.payload.requestId,
      deadline: new Date(e.payload.deadline).toISOString(),
    }),
  'accounts.consent.changed': (e) =>
    base(e, e.payload.userId, {
      purpose: e.payload.purpose,
      granted: e.payload.granted,
      policyVersion: e.payload.policyVersion ?? null,
      changedAt: new Date(e.payload.changedAt).toISOString(),
    }),
  // adultOn is derived from the birth date: personal, so it stays out.
  'identity.minor.flagged': (e) =>
    base(e, e.payload.userId, { guardianConsentRequired: e.payload.guardianConsentRequired }),
  'identity.guardian_consent.recorded': (e) =>
    base(e, e.payload.childUserId, {
      consentId: e.payload.consentId,
      relationship: e.payload.relationship,
      guardianVerificationId: e.payload.guardianVerificationId,
    }),
  // The guardian proved who they are to withdraw; only the child, the consent and the relationship are chained.
  'identity.guardian_consent.withdrawn': (e) =>
    base(e, e.payload.childUserId, {
      consentId: e.payload.consentId,
      relationship: e.payload.relationship,
      withdrawnAt: new Date(e.payload.withdrawnAt).toISOString(),
    }),
  'identity.real_name_appeal.reviewed': (e) => ({
    ...base(e, e.payload.userId, {
      appealId: e.payload.appealId,
      kind: e.payload.kind,
      decision: e.payload.decision,
      reasonSha256: createHash('sha256').update(e.payload.reason, 'utf8').digest('hex'),
      revokedUserId: e.payload.revokedUserId ?? null,
    }),
    actorId: e.payload.reviewerId,
  }),
  'identity.verification.completed': (e) =>
    base(e, e.payload.userId, {
      verificationId: e.payload.verificationId,
      result: e.payload.result,
      minor: e.payload.minor,
    }),
  'exam.registration.created': (e) => ({
    ...base(e, e.payload.userId, {
      registrationId: e.payload.registrationId,
      examId: e.payload.examId,
      feeRequired: e.payload.feeRequired,
    }),
    institutionId: e.payload.institutionId,
  }),
  // The written reason stays in the exam service; its hash proves the stored one unchanged.
  'exam.proctoring.staff_action_taken': (e) => ({
    ...base(e, e.payload.userId, {
      actionId: e.payload.actionId,
      attemptId: e.payload.attemptId,
      examId: e.payload.examId,
      action: e.payload.action,
      minutes: e.payload.minutes,
      reasonSha256: e.payload.reasonSha256,
      deadlineAt: new Date(e.payload.deadlineAt).toISOString(),
      takenAt: new Date(e.payload.takenAt).toISOString(),
    }),
    actorId: e.payload.staffUserId,
    institutionId: e.payload.institutionId,
  }),
  'exam.proctoring.consequence_applied': (e) => ({
    ...base(e, e.payload.userId, {
      attemptId: e.payload.attemptId,
      examId: e.payload.examId,
      rule: e.payload.rule,
      consequence: e.payload.consequence,
      count: e.payload.count,
      warnings: e.payload.warnings,
      appliedAt: new Date(e.payload.appliedAt).toISOString(),
    }),
    actorId: 'service:exam',
    institutionId: e.payload.institutionId,
  }),
  'payments.order.paid': (e) =>
    base(e, e.payload.userId, {
      orderId: e.payload.orderId,
      registrationId: e.payload.registrationId ?? null,
      amountFen: e.payload.amountFen,
      currency: e.payload.currency,
    }),
  // A staff decision on money, not on a person: no subject user; reasons and notes enter as their hash.
  'payments.staff.action_taken': (e) => ({
    ...base(e, null, {
      actionId: e.payload.actionId,
      action: e.payload.action,
      subjectId: e.payload.subjectId,
      amountFen: e.payload.amountFen,
      reasonSha256: e.payload.reasonSha256,
      takenAt: new Date(e.payload.takenAt).toISOString(),
    }),
    actorId: e.payload.staffUserId,
    institutionId: e.payload.institutionId,
  }),
  'audit.login.assessed': (e) => ({
    ...base(e, e.payload.userId, {
      attemptId: e.payload.attemptId,
      decision: e.payload.decision,
      score: e.payload.score,
      rulesFired: [...e.payload.rulesFired],
    }),
    actorId: 'service:audit',
  }),
  'audit.alert.raised': (e) => ({
    ...base(e, e.payload.userId, {
      alertId: e.payload.alertId,
      severity: e.payload.severity,
      rulesFired: [...e.payload.rulesFired],
    }),
    actorId: 'service:audit',
  }),
  'audit.account_action.requested': (e) => ({
    ...base(e, e.payload.userId, {
      actionId: e.payload.actionId,
      action: e.payload.action,
      reason: e.payload.reason,
      alertId: e.payload.alertId ?? null,
    }),
    actorId: e.payload.requestedBy,
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For topics added before someone writes their mapper: ids, booleans and integers only. Free text
 * might be personal data, so it stays out until a mapper says otherwise.
 */
export function genericAuditRecord(envelope: EventEnvelope): AuditRecord {
  const attributes: Attributes = {};
  let subjectUserId: string | null = null;
  for (const [key, value] of Object.entries(envelope.payload as unknown as Record<string, unknown>)) {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value)))
      attributes[key] = value;
    else if (typeof value === 'string' && UUID.test(value) && key.endsWith('Id')) {
      if (key === 'userId') subjectUserId = value;
      else attributes[key] = value;
    }
  }
  return base(envelope, subjectUserId, attributes);
}

export function auditRecordOf<T extends TopicName>(envelope: EventEnvelope<T>): AuditRecord {
  const mapper = AUDIT_RECORD_MAPPERS[envelope.type];
  return mapper ? mapper(envelope) : genericAuditRecord(envelope);
}
