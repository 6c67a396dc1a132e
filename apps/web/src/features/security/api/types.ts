/** The audit service's answers as the security console reads them (the DTOs under apps/audit/src). */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_STATUSES = [
  'new',
  'acknowledged',
  'investigating',
  'resolved_true_positive',
  'resolved_false_positive',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const OPEN_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'investigating'];

/** The risk rules an alert can be filtered by (the API's RULE_CODES). */
export const RULE_CODES = [
  'new_device',
  'new_region',
  'impossible_travel',
  'brute_force',
  'credential_stuffing_ip',
  'credential_stuffing_device',
  'dormant_account',
  'new_device_after_credential_change',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** Causes an alert may have besides a risk rule (not filterable by `rule`). */
export const OTHER_CAUSES = ['appeal', 'audit_chain_entries_beyond_head'] as const;

export const ALERT_SORTS = ['createdAt', 'lastSeenAt', 'severity', 'slaDueAt', 'occurrences'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

export const RESOLUTIONS = ['true_positive', 'false_positive'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const ACCOUNT_ACTIONS = ['lock', 'unlock', 'force_logout', 'require_reverification'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_REASONS = [
  'suspected_takeover',
  'brute_force',
  'credential_stuffing',
  'user_request',
  'false_positive',
  'other',
] as const;
export type AccountActionReason = (typeof ACCOUNT_ACTION_REASONS)[number];

export const DATA_CATEGORIES = [
  'name',
  'id_number',
  'phone',
  'email',
  'face',
  'bank_card',
  'address',
  'exam_results',
  'login_logs',
  'other',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface Alert {
  id: string;
  severity: Severity;
  status: AlertStatus;
  subjectKind: string;
  /** Pseudonymous account id; null for IP, device and stream alerts. */
  userId: string | null;
  institutionId: string | null;
  institutionIds: string[];
  cause: string;
  rulesFired: string[];
  score: number;
  occurrences: number;
  assigneeId: string | null;
  resolution: Resolution | null;
  resolutionNote: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  slaDueAt: string;
  slaBreached: boolean;
  /** Seconds left to acknowledge (negative once breached); null once acknowledged or resolved. */
  slaRemainingSeconds: number | null;
}

export type EvidenceValue = string | number | boolean | null;

export interface EvidenceItem {
  rule: string;
  severity: string;
  /** The engine's own sentence (English), the same explanation a user gets for their sign-in. */
  reason: string;
  evidence: Record<string, EvidenceValue>;
  seenAt: string;
}

export interface AlertComment {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface AlertDetail extends Alert {
  evidence: EvidenceItem[];
  comments: AlertComment[];
}

export interface AlertPage {
  items: Alert[];
  total: number;
  limit: number;
  offset: number;
}

export interface AcknowledgeResult {
  acknowledged: string[];
  skipped: string[];
}

export interface AccountActionResult {
  actionId: string;
  userId: string;
  action: AccountAction;
  reason: AccountActionReason;
  requestedBy: string;
  requestedAt: string;
  status: 'requested';
}

export interface LogEntry {
  stream: string;
  seq: number;
  eventId: string;
  eventType: string;
  producer: string;
  occurredAt: string;
  recordedAt: string;
  traceId: string;
  userId: string | null;
  actorId: string | null;
  institutionId: string | null;
  /** Masked to /24 when written. */
  ip: string | null;
  attributes: Record<string, unknown>;
  hash: string;
}

export interface LogPage {
  items: LogEntry[];
  next: string | null;
}

export interface ChainBreak {
  stream: string;
  seq: number;
  code: string;
  reason: string;
}

export interface StreamVerification {
  stream: string;
  entries: number;
  headSeq: number;
  checkpointsChecked: number;
  lastCheckpointSeq: number | null;
  entriesBeyondHead: number;
  firstBreak: ChainBreak | null;
}

export interface ChainVerification {
  ok: boolean;
  verifiedAt: string;
  entries: number;
  durationMs: number;
  streams: StreamVerification[];
  firstBreak: ChainBreak | null;
  keyProblem: string | null;
}

export interface Checkpoint {
  stream: string;
  seq: number;
  headHash: string;
  signedAt: string;
  keyId: string;
}

export interface IncidentInput {
  title: string;
  description: string;
  cause: string;
  occurredAt: string;
  discoveredAt: string;
  dataCategories: DataCategory[];
  affectedUsers: number;
  measures: string;
  userGuidance: string;
}

export interface Incident extends IncidentInput {
  id: string;
  status: string;
  recordedBy: string;
  createdAt: string;
  notifiedAt: string | null;
  notifiedUsers: number;
}

export interface RegulatorReport {
  incidentId: string;
  generatedAt: string;
  title: string;
  occurredAt: string;
  discoveredAt: string;
  cause: string;
  personalDataCategories: string[];
  affectedUsers: number;
  possibleHarm: string;
  remedialMeasures: string;
  measuresIndividualsCanTake: string;
  usersNotified: number;
  usersNotifiedAt: string | null;
}

/** The knobs of one risk rule (audit's RuleParams); a rule carries only the ones it uses. */
export const RULE_PARAMS = [
  'maxSpeedKmh',
  'windowMinutes',
  'failures',
  'distinctAccounts',
  'dormantDays',
  'withinHours',
] as const;
export type RuleParam = (typeof RULE_PARAMS)[number];
export type RuleParams = Partial<Record<RuleParam, number>>;

export interface RulePolicy {
  enabled: boolean;
  weight: number;
  severity: Severity;
  params: RuleParams;
}

export const THRESHOLDS = ['stepUpScore', 'blockScore', 'alertScore', 'alertDedupMinutes'] as const;
export type Threshold = (typeof THRESHOLDS)[number];
export type RiskThresholds = Record<Threshold, number>;

/** GET /audit/risk/rules (RiskPolicyDto). */
export interface RiskPolicy {
  rules: Partial<Record<RuleCode, RulePolicy>>;
  thresholds: RiskThresholds;
}

/** PUT /audit/risk/rules/:code: only what changed. */
export interface RuleChange {
  enabled?: boolean;
  weight?: number;
  severity?: Severity;
  params?: RuleParams;
}

export const REAL_NAME_APPEAL_KINDS = ['id_number_taken', 'change_request'] as const;
export type RealNameAppealKind = (typeof REAL_NAME_APPEAL_KINDS)[number];
export const REAL_NAME_APPEAL_STATUSES = ['open', 'approved', 'rejected'] as const;
export type RealNameAppealStatus = (typeof REAL_NAME_APPEAL_STATUSES)[number];
export const APPEAL_DECISIONS = ['approved', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** identity's AdminAppealResponseDto: the reviewer's view, the ID number masked. */
export interface RealNameAppeal {
  id: string;
  kind: RealNameAppealKind;
  status: RealNameAppealStatus;
  createdAt: string;
  userId: string;
  reason: string;
  maskedIdNumber: string | null;
  reviewedBy: string | null;
  reviewReason: string | null;
}

export const LOGIN_APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type LoginAppealStatus = (typeof LOGIN_APPEAL_STATUSES)[number];
export const LOGIN_APPEAL_DECISIONS = ['upheld', 'overturned'] as const;
export type LoginAppealDecision = (typeof LOGIN_APPEAL_DECISIONS)[number];

/** audit's LoginAppealDto: a user's appeal of an automated sign-in decision. */
export interface LoginAppeal {
  id: string;
  attemptId: string;
  userId: string;
  statement: string;
  reviewAlertId: string;
  createdAt: string;
  status: LoginAppealStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  automatedDecision: string | null;
  score: number | null;
  attemptedAt: string | null;
}

export interface LoginAppealPage {
  items: LoginAppeal[];
  total: number;
  limit: number;
  offset: number;
}

export const PRIVACY_REQUEST_KINDS = ['export', 'erasure'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export const PRIVACY_REQUEST_STATUSES = ['open', 'completed'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/** accounts' StaffPrivacyRequestDto. */
export interface StaffPrivacyRequest {
  id: string;
  userId: string;
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  requestedAt: string;
  deadlineAt: string;
  completedAt: string | null;
  overdue: boolean;
  completedLate: boolean;
  secondsLeft: number | null;
}

export interface StaffPrivacyRequestPage {
  items: StaffPrivacyRequest[];
  total: number;
  limit: number;
  offset: number;
}
