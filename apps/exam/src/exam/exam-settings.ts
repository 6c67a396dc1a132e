import { BlockList, isIP } from 'node:net';

import type { ErrorDetail } from '@exam/platform';

export const EXAM_STATUSES = ['draft', 'published', 'closed', 'archived'] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];
export const EXAM_VISIBILITIES = ['public', 'institution'] as const;
export type ExamVisibility = (typeof EXAM_VISIBILITIES)[number];
export const COUNTED_ATTEMPTS = ['best', 'last', 'first'] as const;
export const EXPIRY_ACTIONS = ['auto_submit', 'grace'] as const;
export const RESULTS_RELEASES = ['immediately', 'at_date', 'after_marking'] as const;
export const CHEAT_CONSEQUENCES = ['warn', 'flag', 'terminate'] as const;
export const VENUE_KINDS = ['online', 'onsite'] as const;
export const RECONCILIATION_RULES = ['average', 'higher', 'third_marker'] as const;
export type ReconciliationRule = (typeof RECONCILIATION_RULES)[number];
export const FORM_FIELD_KINDS = ['text', 'textarea', 'select', 'date', 'photo'] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

export interface AntiCheatPolicy {
  readonly tabSwitchLimit: number;
  readonly tabSwitchMinAwaySeconds: number;
  readonly fullScreenRequired: boolean;
  readonly blockCopyPaste: boolean;
  /** 0 = no periodic face checks. */
  readonly periodicFaceCheckMinutes: number;
  readonly faceCheckFailureLimit: number;
  readonly consequence: (typeof CHEAT_CONSEQUENCES)[number];
}

export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly kind: FormFieldKind;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly maxLength?: number;
}

export interface Venue {
  readonly kind: (typeof VENUE_KINDS)[number];
  readonly address?: string;
  readonly link?: string;
}

/**
 * How essays are marked. Single marking by default; with `doubleMarking` two different markers mark each
 * answer: marks at most `toleranceFraction` of the question's points apart are combined (`higher`: the larger,
 * otherwise the mean); marks further apart go to a third marker (`third_marker`) or are combined anyway by
 * `average` / `higher`. Marks are multiples of `step` points.
 */
export interface MarkingSettings {
  readonly doubleMarking: boolean;
  readonly toleranceFraction: number;
  readonly reconciliation: ReconciliationRule;
  readonly step: number;
}

export const DEFAULT_MARKING: MarkingSettings = {
  doubleMarking: false,
  toleranceFraction: 0,
  reconciliation: 'average',
  step: 0.5,
};

/** The exam's marking settings; exams created before they existed are single-marked. */
export function markingOf(settings: ExamSettings): MarkingSettings {
  return settings.marking ?? DEFAULT_MARKING;
}

/** A certificate on a pass: off unless the exam offers one; `title` is printed instead of the exam's title. */
export interface CertificateSetting {
  readonly enabled: boolean;
  readonly title?: string;
}

/** Everything of an exam that is not a column: delivery rules, access rules, anti-cheat, the form. */
export interface ExamSettings {
  readonly durationMinutes: number;
  readonly lateEntryMinutes: number;
  readonly minMinutesBeforeSubmit: number;
  /** 0 = unlimited (practice exams). */
  readonly attemptsAllowed: number;
  readonly countedAttempt: (typeof COUNTED_ATTEMPTS)[number];
  readonly onExpiry: (typeof EXPIRY_ACTIONS)[number];
  readonly graceMinutes: number;
  readonly passScore: number;
  readonly resultsRelease: (typeof RESULTS_RELEASES)[number];
  readonly resultsReleaseAt: string | null;
  /** scrypt hash of the access password (`salt:hash`, hex), never the password. */
  readonly accessPasswordHash: string | null;
  readonly allowedIpRanges: readonly string[];
  readonly faceCheckAtEntry: boolean;
  readonly antiCheat: AntiCheatPolicy;
  readonly venue: Venue;
  readonly registrationForm: readonly FormField[];
  /** Practice exams: answers and explanations right after each submission. */
  readonly immediateFeedback: boolean;
  /** Absent on exams created before marking existed: single marking ({@link DEFAULT_MARKING}). */
  readonly marking?: MarkingSettings;
  /** Candidates may review their answers with the correct ones and explanations once results are released. */
  readonly reviewAllowed?: boolean;
  readonly certificate?: CertificateSetting;
}

/** An exam's schedule and settings as checked together (times as dates). */
export interface ExamPlan {
  readonly practice: boolean;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly registrationOpensAt: Date | null;
  readonly registrationClosesAt: Date | null;
  readonly capacity: number | null;
  readonly feeFen: number;
  readonly requiresApproval: boolean;
  readonly requiresRealName: boolean;
  readonly settings: ExamSettings;
  readonly paperTotalScore: number;
}

/** `a.b.c.d/n` or an IPv6 prefix; a bare address means one host. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const parts: (string | undefined)[] = text.trim().split('/');
  if (parts.length > 2) return null;
  const [address = '', prefixText] = parts;
  const version = isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** True when the exam has no IP rule or the address lies in one of its ranges. */
export function ipAllowed(ranges: readonly string[], ip: string): boolean {
  if (ranges.length === 0) return true;
  const list = new BlockList();
  for (const range of ranges) {
    const cidr = parseCidr(range);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return list.check(ip, family);
}

const MINUTE = 60_000;

/** Checks that an exam's times are in order and its settings agree with each other; pure. */
export function checkExamPlan(plan: ExamPlan): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const s = plan.settings;
  const windowMinutes = (plan.closesAt.getTime() - plan.opensAt.getTime()) / MINUTE;
  if (windowMinutes <= 0) errors.push({ field: 'closesAt', reason: 'must be after opensAt' });
  else if (!plan.practice && s.durationMinutes > windowMinutes)
    errors.push({
      field: 'settings.durationMinutes',
      reason: `must fit between opensAt and closesAt (${Math.floor(windowMinutes)} minutes)`,
    });
  if (s.lateEntryMinutes > Math.max(0, windowMinutes))
    errors.push({ field: 'settings.lateEntryMinutes', reason: 'must not go past closesAt' });
  if (s.minMinutesBeforeSubmit > s.durationMinutes)
    errors.push({ field: 'settings.minMinutesBeforeSubmit', reason: 'must not exceed durationMinutes' });
  if (s.onExpiry === 'grace' && s.graceMinutes <= 0)
    errors.push({ field: 'settings.graceMinutes', reason: 'must be positive when onExpiry is grace' });
  if (s.onExpiry === 'auto_submit' && s.graceMinutes > 0)
    errors.push({ field: 'settings.graceMinutes', reason: 'only applies when onExpiry is grace' });
  if (s.passScore > plan.paperTotalScore)
    errors.push({
      field: 'settings.passScore',
      reason: `must not exceed the paper's total score (${plan.paperTotalScore})`,
    });
  if (s.resultsRelease === 'at_date') {
    if (s.resultsReleaseAt === null)
      errors.push({ field: 'settings.resultsReleaseAt', reason: 'required when resultsRelease is at_date' });
    else if (new Date(s.resultsReleaseAt).getTime() < plan.closesAt.getTime())
      errors.push({ field: 'settings.resultsReleaseAt', reason: 'must not be before closesAt' });
  } else if (s.resultsReleaseAt !== null)
    errors.push({
      field: 'settings.resultsReleaseAt',
      reason: 'only applies when resultsRelease is at_date',
    });
  for (const [i, range] of s.allowedIpRanges.entries())
    if (parseCidr(range) === null)
      errors.push({
        field: `settings.allowedIpRanges[${i}]`,
        reason: 'must be an IPv4 or IPv6 CIDR range such as 10.0.0.0/8',
      });
  if (s.venue.kind === 'online' && s.venue.link === undefined)
    errors.push({ field: 'settings.venue.link', reason: 'an online exam needs its link' });
  if (s.venue.kind === 'onsite' && s.venue.address === undefined)
    errors.push({ field: 'settings.venue.address', reason: 'an onsite exam needs its address' });
  const keys = new Set<string>();
  for (const [i, field] of s.registrationForm.entries()) {
    if (keys.has(field.key))
      errors.push({ field: `settings.registrationForm[${i}].key`, reason: 'appears twice' });
    keys.add(field.key);
    if (field.kind === 'select' && (field.options ?? []).length === 0)
      errors.push({
        field: `settings.registrationForm[${i}].options`,
        reason: 'a select field needs options',
      });
    if (field.kind !== 'select' && field.options !== undefined)
      errors.push({
        field: `settings.registrationForm[${i}].options`,
        reason: 'only select fields have options',
      });
  }
  if (s.marking !== undefined) errors.push(...checkMarking(s.marking));
  if (plan.practice) {
    if (plan.feeFen > 0) errors.push({ field: 'feeFen', reason: 'practice exams are free' });
    if (plan.capacity !== null)
      errors.push({ field: 'capacity', reason: 'practice exams are open, without seats' });
    if (plan.requiresApproval)
      errors.push({ field: 'requiresApproval', reason: 'practice exams need no registration' });
    if (plan.registrationOpensAt !== null || plan.registrationClosesAt !== null)
      errors.push({ field: 'registrationOpensAt', reason: 'practice exams need no registration window' });
  } else {
    if (plan.settings.attemptsAllowed === 0)
      errors.push({
        field: 'settings.attemptsAllowed',
        reason: 'unlimited attempts (0) are for practice exams; an exam allows 1 to 100',
      });
    if (plan.registrationOpensAt === null || plan.registrationClosesAt === null)
      errors.push({
        field: 'registrationOpensAt',
        reason: 'an exam needs a registration window (registrationOpensAt and registrationClosesAt)',
      });
    else {
      if (plan.registrationClosesAt.getTime() <= plan.registrationOpensAt.getTime())
        errors.push({ field: 'registrationClosesAt', reason: 'must be after registrationOpensAt' });
      if (plan.registrationClosesAt.getTime() > plan.opensAt.getTime())
        errors.push({ field: 'registrationClosesAt', reason: 'must not be after opensAt' });
    }
  }
  return errors;
}

/** A step is a positive number of hundredths of a point. */
function isHundredths(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

function checkMarking(m: MarkingSettings): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!(m.step > 0) || !isHundredths(m.step))
    errors.push({ field: 'settings.marking.step', reason: 'must be a positive multiple of 0.01 points' });
  if (!(m.toleranceFraction >= 0 && m.toleranceFraction <= 1))
    errors.push({ field: 'settings.marking.toleranceFraction', reason: 'must be from 0 to 1' });
  if (!m.doubleMarking && m.toleranceFraction > 0)
    errors.push({
      field: 'settings.marking.toleranceFraction',
      reason: 'only applies when doubleMarking is true',
    });
  if (!m.doubleMarking && m.reconciliation !== 'average')
    errors.push({
      field: 'settings.marking.reconciliation',
      reason: 'only applies when doubleMarking is true',
    });
  return errors;
}
