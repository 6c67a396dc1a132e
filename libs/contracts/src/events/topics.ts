import {
  ConsentChangedV1,
  ContactChangedV1,
  ErasureRequestedV1,
  InstitutionRegisteredV1,
  LoginAttemptedV1,
  MembershipChangedV1,
  PasswordChangedV1,
  PlatformRoleChangedV1,
  SessionRevokedV1,
  UserRegisteredV1,
} from '../payloads/accounts.payloads';
import {
  AccountActionRequestedV1,
  AlertRaisedV1,
  IncidentNotificationRequestedV1,
  LoginAssessedV1,
} from '../payloads/audit.payloads';
import {
  AttemptGradedV1,
  AttemptSubmittedV1,
  CertificateIssuedV1,
  ProctoringConsequenceAppliedV1,
  ProctoringStaffActionTakenV1,
  RefundRequestedV1,
  RegistrationCancelledV1,
  RegistrationConfirmedV1,
  RegistrationCreatedV1,
  ResultsReleasedV1,
} from '../payloads/exam.payloads';
import {
  FaceEnrolmentChangedV1,
  GuardianConsentRecordedV1,
  GuardianConsentWithdrawnV1,
  MinorFlaggedV1,
  RealNameAppealReviewedV1,
  VerificationCompletedV1,
} from '../payloads/identity.payloads';
import {
  OrderExpiredV1,
  OrderPaidV1,
  OrderRefundedV1,
  PaymentStaffActionTakenV1,
} from '../payloads/payments.payloads';
import { PersonalDataRevealedV1 } from '../payloads/privacy.payloads';

/**
 * Every topic of the platform, `<service>.<aggregate>.<past-tense-event>`.
 * A published topic is never renamed; a breaking payload change gets a new version.
 */
export const Topics = {
  AccountsPersonalDataRevealed: 'accounts.personal_data.revealed',
  IdentityPersonalDataRevealed: 'identity.personal_data.revealed',
  ExamPersonalDataRevealed: 'exam.personal_data.revealed',
  UserRegistered: 'accounts.user.registered',
  LoginAttempted: 'accounts.login.attempted',
  ErasureRequested: 'accounts.erasure.requested',
  SessionRevoked: 'accounts.session.revoked',
  MembershipChanged: 'accounts.membership.changed',
  InstitutionRegistered: 'accounts.institution.registered',
  ConsentChanged: 'accounts.consent.changed',
  PasswordChanged: 'accounts.password.changed',
  ContactChanged: 'accounts.contact.changed',
  PlatformRoleChanged: 'accounts.platform_role.changed',
  VerificationCompleted: 'identity.verification.completed',
  MinorFlagged: 'identity.minor.flagged',
  GuardianConsentRecorded: 'identity.guardian_consent.recorded',
  GuardianConsentWithdrawn: 'identity.guardian_consent.withdrawn',
  RealNameAppealReviewed: 'identity.real_name_appeal.reviewed',
  FaceEnrolmentChanged: 'identity.face_enrolment.changed',
  RegistrationCreated: 'exam.registration.created',
  RegistrationConfirmed: 'exam.registration.confirmed',
  RegistrationCancelled: 'exam.registration.cancelled',
  RefundRequested: 'exam.refund.requested',
  AttemptSubmitted: 'exam.attempt.submitted',
  ProctoringStaffActionTaken: 'exam.proctoring.staff_action_taken',
  ProctoringConsequenceApplied: 'exam.proctoring.consequence_applied',
  AttemptGraded: 'exam.attempt.graded',
  ResultsReleased: 'exam.results.released',
  CertificateIssued: 'exam.certificate.issued',
  OrderPaid: 'payments.order.paid',
  OrderRefunded: 'payments.order.refunded',
  OrderExpired: 'payments.order.expired',
  PaymentStaffActionTaken: 'payments.staff.action_taken',
  LoginAssessed: 'audit.login.assessed',
  AlertRaised: 'audit.alert.raised',
  AccountActionRequested: 'audit.account_action.requested',
  IncidentNotificationRequested: 'audit.incident.notification_requested',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

type PayloadClass<T> = new () => T;

export interface TopicContract<P> {
  readonly version: number;
  readonly payload: PayloadClass<P>;
  readonly partitions: number;
}

/** The payload type map: publishing a payload of the wrong shape for a topic does not compile. */
export interface TopicPayloads {
  'accounts.personal_data.revealed': PersonalDataRevealedV1;
  'identity.personal_data.revealed': PersonalDataRevealedV1;
  'exam.personal_data.revealed': PersonalDataRevealedV1;
  'accounts.user.registered': UserRegisteredV1;
  'accounts.login.attempted': LoginAttemptedV1;
  'accounts.erasure.requested': ErasureRequestedV1;
  'accounts.session.revoked': SessionRevokedV1;
  'accounts.membership.changed': MembershipChangedV1;
  'accounts.institution.registered': InstitutionRegisteredV1;
  'accounts.consent.changed': ConsentChangedV1;
  'accounts.password.changed': PasswordChangedV1;
  'accounts.contact.changed': ContactChangedV1;
  'accounts.platform_role.changed': PlatformRoleChangedV1;
  'identity.verification.completed': VerificationCompletedV1;
  'identity.minor.flagged': MinorFlaggedV1;
  'identity.guardian_consent.recorded': GuardianConsentRecordedV1;
  'identity.guardian_consent.withdrawn': GuardianConsentWithdrawnV1;
  'identity.real_name_appeal.reviewed': RealNameAppealReviewedV1;
  'identity.face_enrolment.changed': FaceEnrolmentChangedV1;
  'exam.registration.created': RegistrationCreatedV1;
  'exam.registration.confirmed': RegistrationConfirmedV1;
  'exam.registration.cancelled': RegistrationCancelledV1;
  'exam.refund.requested': RefundRequestedV1;
  'exam.attempt.submitted': AttemptSubmittedV1;
  'exam.proctoring.staff_action_taken': ProctoringStaffActionTakenV1;
  'exam.proctoring.consequence_applied': ProctoringConsequenceAppliedV1;
  'exam.attempt.graded': AttemptGradedV1;
  'exam.results.released': ResultsReleasedV1;
  'exam.certificate.issued': CertificateIssuedV1;
  'payments.order.paid': OrderPaidV1;
  'payments.order.refunded': OrderRefundedV1;
  'payments.order.expired': OrderExpiredV1;
  'payments.staff.action_taken': PaymentStaffActionTakenV1;
  'audit.login.assessed': LoginAssessedV1;
  'audit.alert.raised': AlertRaisedV1;
  'audit.account_action.requested': AccountActionRequestedV1;
  'audit.incident.notification_requested': IncidentNotificationRequestedV1;
}

/** Plain-object view of a payload class: events are data, built as literals, not class instances. */
export type PlainPayload<C> = { readonly [K in keyof C]: C[K] };

export type PayloadOf<T extends TopicName> = PlainPayload<TopicPayloads[T]>;

/** Runtime side of the map: current version, validating class and partition count per topic. */
export const TopicRegistry: { readonly [K in TopicName]: TopicContract<TopicPayloads[K]> } = {
  'accounts.personal_data.revealed': { version: 1, payload: PersonalDataRevealedV1, partitions: 3 },
  'identity.personal_data.revealed': { version: 1, payload: PersonalDataRevealedV1, partitions: 3 },
  'exam.personal_data.revealed': { version: 1, payload: PersonalDataRevealedV1, partitions: 3 },
  'accounts.user.registered': { version: 1, payload: UserRegisteredV1, partitions: 3 },
  'accounts.login.attempted': { version: 1, payload: LoginAttemptedV1, partitions: 6 },
  'accounts.erasure.requested': { version: 1, payload: ErasureRequestedV1, partitions: 3 },
  'accounts.session.revoked': { version: 1, payload: SessionRevokedV1, partitions: 3 },
  'accounts.membership.changed': { version: 1, payload: MembershipChangedV1, partitions: 3 },
  'accounts.institution.registered': { version: 1, payload: InstitutionRegisteredV1, partitions: 3 },
  'accounts.consent.changed': { version: 1, payload: ConsentChangedV1, partitions: 3 },
  'accounts.password.changed': { version: 1, payload: PasswordChangedV1, partitions: 3 },
  'accounts.contact.changed': { version: 1, payload: ContactChangedV1, partitions: 3 },
  'accounts.platform_role.changed': { version: 1, payload: PlatformRoleChangedV1, partitions: 3 },
  'identity.verification.completed': { version: 1, payload: VerificationCompletedV1, partitions: 3 },
  'identity.minor.flagged': { version: 1, payload: MinorFlaggedV1, partitions: 3 },
  'identity.guardian_consent.recorded': { version: 1, payload: GuardianConsentRecordedV1, partitions: 3 },
  'identity.guardian_consent.withdrawn': { version: 1, payload: GuardianConsentWithdrawnV1, partitions: 3 },
  'identity.real_name_appeal.reviewed': { version: 1, payload: RealNameAppealReviewedV1, partitions: 3 },
  'identity.face_enrolment.changed': { version: 1, payload: FaceEnrolmentChangedV1, partitions: 3 },
  'exam.registration.created': { version: 1, payload: RegistrationCreatedV1, partitions: 3 },
  'exam.registration.confirmed': { version: 1, payload: RegistrationConfirmedV1, partitions: 3 },
  'exam.registration.cancelled': { version: 1, payload: RegistrationCancelledV1, partitions: 3 },
  'exam.refund.requested': { version: 1, payload: RefundRequestedV1, partitions: 3 },
  'exam.attempt.submitted': { version: 1, payload: AttemptSubmittedV1, partitions: 6 },
  'exam.proctoring.staff_action_taken': { version: 1, payload: ProctoringStaffActionTakenV1, partitions: 3 },
  'exam.proctoring.consequence_applied': {
    version: 1,
    payload: ProctoringConsequenceAppliedV1,
    partitions: 3,
  },
  'exam.attempt.graded': { version: 1, payload: AttemptGradedV1, partitions: 6 },
  'exam.results.released': { version: 1, payload: ResultsReleasedV1, partitions: 3 },
  'exam.certificate.issued': { version: 1, payload: CertificateIssuedV1, partitions: 3 },
  'payments.order.paid': { version: 1, payload: OrderPaidV1, partitions: 3 },
  'payments.order.refunded': { version: 1, payload: OrderRefundedV1, partitions: 3 },
  'payments.order.expired': { version: 1, payload: OrderExpiredV1, partitions: 3 },
  'payments.staff.action_taken': { version: 1, payload: PaymentStaffActionTakenV1, partitions: 3 },
  'audit.login.assessed': { version: 1, payload: LoginAssessedV1, partitions: 6 },
  'audit.alert.raised': { version: 1, payload: AlertRaisedV1, partitions: 3 },
  'audit.account_action.requested': { version: 1, payload: AccountActionRequestedV1, partitions: 3 },
  'audit.incident.notification_requested': {
    version: 1,
    payload: IncidentNotificationRequestedV1,
    partitions: 3,
  },
};

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

export function isTopicName(value: string): value is TopicName {
  return Object.prototype.hasOwnProperty.call(TopicRegistry, value);
}

/** Poison messages of `<topic>` end up in `<topic>.dlq` after bounded retries. */
export function deadLetterTopicOf(topic: TopicName): `${TopicName}.dlq` {
  return `${topic}.dlq`;
}
