import type { TopicName } from '@exam/contracts';

/**
 * Topics whose events make a consumer change account or security state (lock and unlock, sign-in
 * decisions, erasure, revocation, verification, consent, roles, payment): a forged one is an attack, so
 * each is signed by its producing service and refused unless the signature verifies. High-volume
 * telemetry (`accounts.login.attempted`) and audit-log feeds are protected by the broker's ACLs only,
 * which keeps the per-event signing cost off the hot paths.
 */
export const SIGNED_TOPICS: ReadonlySet<TopicName> = new Set<TopicName>([
  'accounts.erasure.requested',
  'accounts.session.revoked',
  'accounts.consent.changed',
  'accounts.password.changed',
  'accounts.contact.changed',
  'accounts.platform_role.changed',
  'audit.login.assessed',
  'audit.account_action.requested',
  'identity.verification.completed',
  'identity.real_name_appeal.reviewed',
  'identity.guardian_consent.withdrawn',
  'payments.order.paid',
  'payments.order.refunded',
  'payments.order.expired',
  // Moves money back to a candidate: a forged request would drain an institution's takings.
  'exam.refund.requested',
]);

export function isSignedTopic(topic: TopicName): boolean {
  return SIGNED_TOPICS.has(topic);
}

/** The one service allowed to produce a topic: its first name segment (`<service>.<aggregate>.<event>`). */
export function ownerOfTopic(topic: TopicName): string {
  return topic.slice(0, topic.indexOf('.'));
}

/** Every service that owns topics, so verifiers know whose keys to expect. */
export const EVENT_PRODUCERS = ['accounts', 'identity', 'exam', 'payments', 'audit'] as const;
