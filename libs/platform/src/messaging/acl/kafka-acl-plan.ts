import { deadLetterTopicOf, type TopicName } from '@exam/contracts';

import { EVENT_PRODUCERS } from '../signing/signed-topics';

export type KafkaPrincipalService = (typeof EVENT_PRODUCERS)[number];

/**
 * What each service consumes (its `@OnEvent` / `@OnEventBatch` topics). test/kafka/kafka-acl-plan.spec.ts
 * compares it with the consumers in apps/, so a new subscription without its ACL fails the unit tests.
 */
export const SERVICE_SUBSCRIPTIONS: Readonly<Record<KafkaPrincipalService, readonly TopicName[]>> = {
  accounts: [
    'audit.login.assessed',
    'audit.account_action.requested',
    // Its own events: the revocation list of ended sessions and the security notices to proven contacts.
    'accounts.session.revoked',
    'accounts.password.changed',
    'accounts.contact.changed',
    'identity.face_enrolment.changed',
  ],
  identity: ['accounts.consent.changed', 'accounts.erasure.requested'],
  exam: [
    'payments.order.paid',
    'accounts.erasure.requested',
    'identity.verification.completed',
    'identity.real_name_appeal.reviewed',
    'identity.guardian_consent.withdrawn',
  ],
  payments: [
    'exam.registration.created',
    'exam.refund.requested',
    'exam.registration.cancelled',
    'accounts.erasure.requested',
    // Its own: a refund after an invoice was issued asks for a red-letter reversal.
    'payments.order.refunded',
  ],
  audit: [
    'accounts.login.attempted',
    'accounts.password.changed',
    'accounts.contact.changed',
    'accounts.user.registered',
    'accounts.personal_data.revealed',
    'identity.personal_data.revealed',
    'exam.personal_data.revealed',
    'accounts.erasure.requested',
    'accounts.session.revoked',
    'accounts.membership.changed',
    'accounts.institution.registered',
    'accounts.consent.changed',
    'identity.minor.flagged',
    'identity.guardian_consent.recorded',
    'identity.guardian_consent.withdrawn',
    'identity.real_name_appeal.reviewed',
    'identity.verification.completed',
    'exam.registration.created',
    'exam.proctoring.staff_action_taken',
    'exam.proctoring.consequence_applied',
    'payments.order.paid',
    'payments.staff.action_taken',
    'audit.alert.raised',
    'accounts.platform_role.changed',
  ],
};

export type AclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE';

/** One ALLOW binding, in Kafka's terms; everything not allowed is denied (allow.everyone.if.no.acl.found=false). */
export interface AclBinding {
  readonly principal: string;
  readonly resourceType: 'TOPIC' | 'GROUP';
  readonly patternType: 'LITERAL' | 'PREFIXED';
  readonly resourceName: string;
  readonly operation: AclOperation;
}

function allow(
  service: string,
  resourceType: AclBinding['resourceType'],
  patternType: AclBinding['patternType'],
  resourceName: string,
  operations: readonly AclOperation[],
): AclBinding[] {
  return operations.map((operation) => ({
    principal: `User:${service}`,
    resourceType,
    patternType,
    resourceName,
    operation,
  }));
}

/**
 * Least privilege per service principal (`User:<service>`): produce only its own topics
 * (`<prefix><service>.`), read only the topics it consumes, write their dead-letter topics, and commit
 * offsets only in its own consumer group. Creating its own and its consumed topics stays allowed, since
 * services create missing topics at start.
 */
export function kafkaAclPlan(topicPrefix: string): AclBinding[] {
  return EVENT_PRODUCERS.flatMap((service) => [
    ...allow(service, 'TOPIC', 'PREFIXED', `${topicPrefix}${service}.`, ['WRITE', 'DESCRIBE', 'CREATE']),
    ...SERVICE_SUBSCRIPTIONS[service].flatMap((topic) => [
      ...allow(service, 'TOPIC', 'LITERAL', `${topicPrefix}${topic}`, ['READ', 'DESCRIBE', 'CREATE']),
      ...allow(service, 'TOPIC', 'LITERAL', `${topicPrefix}${deadLetterTopicOf(topic)}`, [
        'WRITE',
        'DESCRIBE',
        'CREATE',
      ]),
    ]),
    ...allow(service, 'GROUP', 'LITERAL', `${topicPrefix}${service}`, ['READ', 'DESCRIBE']),
  ]);
}
