import type { AlertSeverity, LoginDecision, LoginOutcome } from '@exam/contracts';

import { type GeoLocation, haversineKm } from './geo/geo-location';
import { maxSeverity, type RiskPolicy, RULE_CODES, type RuleCode } from './risk-policy';

/** What one login attempt tells us, already free of raw personal data (masked IP, device fingerprint). */
export interface LoginFacts {
  readonly attemptId: string;
  readonly userId: string | null;
  readonly outcome: LoginOutcome;
  readonly at: Date;
  readonly ipMasked: string;
  readonly deviceRef: string | null;
  readonly location: GeoLocation;
  /**
   * The `success` that completes a step-up challenge: the same sign-in as the `step_up_required` attempt already
   * assessed (and alerted on), now proven by a code or a face check.
   */
  readonly completesChallenge?: boolean;
}

export interface LoginPlace {
  readonly at: string;
  readonly ipMasked: string;
  readonly regionKey: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly accuracyKm: number | null;
}

/** Per-user history kept in audit's database. */
export interface LoginHistory {
  readonly successCount: number;
  readonly knownDevices: readonly string[];
  readonly knownRegions: readonly string[];
  readonly lastSuccess: LoginPlace | null;
  /** The last successful login whose place had coordinates: the other end of an impossible-travel check. */
  readonly lastLocatedSuccess: LoginPlace | null;
  /** ISO times of recent failures, pruned to the brute-force window. */
  readonly recentFailures: readonly string[];
  /** ISO time of the latest password or contact (phone, email) change, fed from accounts' events. */
  readonly lastCredentialChangeAt: string | null;
  readonly lastCredentialChangeKind: CredentialChangeKind | null;
}

/** What changed: the password, or a contact that can receive reset codes. */
export type CredentialChangeKind = 'password' | 'phone' | 'email';

const CREDENTIAL_CHANGE_WORDING: { readonly [K in CredentialChangeKind]: string } = {
  password: 'the password',
  phone: 'the phone number',
  email: 'the email address',
};

export const EMPTY_HISTORY: LoginHistory = {
  successCount: 0,
  knownDevices: [],
  knownRegions: [],
  lastSuccess: null,
  lastLocatedSuccess: null,
  recentFailures: [],
  lastCredentialChangeAt: null,
  lastCredentialChangeKind: null,
};

/** Failures from one source across accounts, counted by the caller over each stuffing rule's window. */
export interface SourceCounts {
  readonly ipDistinctAccounts: number;
  readonly deviceDistinctAccounts: number;
}

export type EvidenceValue = string | number | boolean | null;

export interface Detection {
  readonly rule: RuleCode;
  readonly severity: AlertSeverity;
  readonly weight: number;
  readonly reason: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
}

export interface Assessment {
  readonly detections: readonly Detection[];
  readonly rulesFired: readonly RuleCode[];
  readonly score: number;
  readonly decision: LoginDecision;
  /** Highest severity among the detections, or null when nothing fired. */
  readonly severity: AlertSeverity | null;
  readonly raisesAlert: boolean;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const MAX_KNOWN_DEVICES = 20;
const MAX_KNOWN_REGIONS = 50;
const MAX_RECENT_FAILURES = 200;

function credentialAccepted(outcome: LoginOutcome): boolean {
  return outcome === 'success' || outcome === 'step_up_required';
}

function describePlace(place: { regionKey: string | null; ipMasked: string }): string {
  return place.regionKey === null ? place.ipMasked : `${place.regionKey} (${place.ipMasked})`;
}

type Candidate = Omit<Detection, 'severity' | 'weight'>;

/** Each detector looks at one aspect and returns a detection with its reason and evidence, or nothing. */
const DETECTORS: {
  readonly [K in RuleCode]: (
    facts: LoginFacts,
    history: LoginHistory,
    sources: SourceCounts,
    policy: RiskPolicy,
  ) => Candidate | null;
} = {
  new_device: (facts, history) => {
    if (!credentialAccepted(facts.outcome) || facts.deviceRef === null || history.successCount === 0)
      return null;
    if (history.knownDevices.includes(facts.deviceRef)) return null;
    return {
      rule: 'new_device',
      reason: `Signed in from a device not seen on this account before (${history.knownDevices.length} known).`,
      evidence: { deviceRef: facts.deviceRef, knownDevices: history.knownDevices.length, ip: facts.ipMasked },
    };
  },
  new_region: (facts, history) => {
    const region = facts.location.regionKey;
    if (!credentialAccepted(facts.outcome) || region === null || history.knownRegions.length === 0)
      return null;
    if (history.knownRegions.includes(region)) return null;
    return {
      rule: 'new_region',
      reason: `异地登录: signed in from ${region}, a region not seen on this account before.`,
      evidence: { region, lastRegion: history.lastSuccess?.regionKey ?? null, ip: facts.ipMasked },
    };
  },
  impossible_travel: (facts, history, _sources, policy) => {
    const from = history.lastLocatedSuccess;
    const to = facts.location;
    if (
      !credentialAccepted(facts.outcome) ||
      from === null ||
      from.latitude === null ||
      from.longitude === null
    )
      return null;
    if (to.latitude === null || to.longitude === null) return null;
    const distanceKm = haversineKm(from.latitude, from.longitude, to.latitude, to.longitude);
    // Coarse locations are given the benefit of the doubt: the uncertainty of both ends is subtracted.
    const effectiveKm = Math.max(0, distanceKm - (from.accuracyKm ?? 0) - (to.accuracyKm ?? 0));
    if (effectiveKm === 0) return null;
    const hours = (facts.at.getTime() - new Date(from.at).getTime()) / MS_PER_HOUR;
    const speedKmh = hours <= 0 ? Number.POSITIVE_INFINITY : effectiveKm / hours;
    const maxSpeedKmh = policy.rules.impossible_travel.params.maxSpeedKmh ?? 805;
    if (speedKmh <= maxSpeedKmh) return null;
    const minutes = Math.round(hours * 60 * 10) / 10;
    return {
      rule: 'impossible_travel',
      reason: `Impossible travel: ${Math.round(distanceKm)} km from ${describePlace(from)} to ${describePlace({ regionKey: to.regionKey, ipMasked: facts.ipMasked })} in ${minutes} min (over ${maxSpeedKmh} km/h).`,
      evidence: {
        fromRegion: from.regionKey,
        fromIp: from.ipMasked,
        fromAt: from.at,
        toRegion: to.regionKey,
        toIp: facts.ipMasked,
        toAt: facts.at.toISOString(),
        distanceKm: Math.round(distanceKm),
        elapsedMinutes: minutes,
        speedKmh: Number.isFinite(speedKmh) ? Math.round(speedKmh) : null,
      },
    };
  },
  brute_force: (facts, history, _sources, policy) => {
    if (facts.userId === null) return null;
    const { windowMinutes = 15, failures = 10 } = policy.rules.brute_force.params;
    const since = facts.at.getTime() - windowMinutes * MS_PER_MINUTE;
    const recent =
      history.recentFailures.filter((t) => new Date(t).getTime() >= since).length +
      (facts.outcome === 'failure' ? 1 : 0);
    if (recent < failures) return null;
    const tail = credentialAccepted(facts.outcome) ? ', then a successful sign-in' : '';
    return {
      rule: 'brute_force',
      reason: `Brute force: ${recent} failed sign-ins on this account within ${windowMinutes} min${tail}.`,
      evidence: {
        failures: recent,
        windowMinutes,
        threshold: failures,
        outcome: facts.outcome,
        ip: facts.ipMasked,
      },
    };
  },
  credential_stuffing_ip: (facts, _history, sources, policy) => {
    const { windowMinutes = 10, distinctAccounts = 20 } = policy.rules.credential_stuffing_ip.params;
    if (sources.ipDistinctAccounts < distinctAccounts) return null;
    return {
      rule: 'credential_stuffing_ip',
      reason: `Credential stuffing / password spraying: one IP (${facts.ipMasked}) failed on ${sources.ipDistinctAccounts} accounts within ${windowMinutes} min.`,
      evidence: {
        ip: facts.ipMasked,
        accounts: sources.ipDistinctAccounts,
        windowMinutes,
        threshold: distinctAccounts,
      },
    };
  },
  credential_stuffing_device: (facts, _history, sources, policy) => {
    const { windowMinutes = 10, distinctAccounts = 10 } = policy.rules.credential_stuffing_device.params;
    if (facts.deviceRef === null || sources.deviceDistinctAccounts < distinctAccounts) return null;
    return {
      rule: 'credential_stuffing_device',
      reason: `Credential stuffing: one device failed on ${sources.deviceDistinctAccounts} accounts within ${windowMinutes} min.`,
      evidence: {
        deviceRef: facts.deviceRef,
        accounts: sources.deviceDistinctAccounts,
        windowMinutes,
        threshold: distinctAccounts,
      },
    };
  },
  dormant_account: (facts, history, _sources, policy) => {
    const last = history.lastSuccess;
    if (!credentialAccepted(facts.outcome) || last === null) return null;
    const dormantDays = policy.rules.dormant_account.params.dormantDays ?? 180;
    const idleDays = (facts.at.getTime() - new Date(last.at).getTime()) / MS_PER_DAY;
    if (idleDays < dormantDays) return null;
    return {
      rule: 'dormant_account',
      reason: `Sign-in to a dormant account: no successful sign-in for ${Math.floor(idleDays)} days.`,
      evidence: { lastSuccessAt: last.at, idleDays: Math.floor(idleDays), threshold: dormantDays },
    };
  },
  new_device_after_credential_change: (facts, history, _sources, policy) => {
    const changedAt = history.lastCredentialChangeAt;
    // Like new_device, the very first sign-in is the baseline: there is no known device to compare with.
    if (
      !credentialAccepted(facts.outcome) ||
      changedAt === null ||
      facts.deviceRef === null ||
      history.successCount === 0
    )
      return null;
    if (history.knownDevices.includes(facts.deviceRef)) return null;
    const withinHours = policy.rules.new_device_after_credential_change.params.withinHours ?? 72;
    const hours = (facts.at.getTime() - new Date(changedAt).getTime()) / MS_PER_HOUR;
    if (hours < 0 || hours > withinHours) return null;
    const what =
      history.lastCredentialChangeKind === null
        ? 'the password or a contact'
        : CREDENTIAL_CHANGE_WORDING[history.lastCredentialChangeKind];
    return {
      rule: 'new_device_after_credential_change',
      reason: `Sign-in from a new device ${Math.round(hours * 10) / 10} h after ${what} changed.`,
      evidence: {
        deviceRef: facts.deviceRef,
        changedAt,
        change: history.lastCredentialChangeKind,
        hoursAfterChange: Math.round(hours * 10) / 10,
      },
    };
  },
};

/** Runs every enabled rule, scores the detections with their configured weights and decides. Pure. */
export function assessLogin(
  facts: LoginFacts,
  history: LoginHistory,
  sources: SourceCounts,
  policy: RiskPolicy,
): Assessment {
  const detections: Detection[] = [];
  for (const rule of RULE_CODES) {
    const config = policy.rules[rule];
    if (!config.enabled) continue;
    const found = DETECTORS[rule](facts, history, sources, policy);
    if (found) detections.push({ ...found, severity: config.severity, weight: config.weight });
  }
  const score = Math.min(
    1000,
    detections.reduce((sum, d) => sum + d.weight, 0),
  );
  const { stepUpScore, blockScore, alertScore } = policy.thresholds;
  const decision: LoginDecision = score >= blockScore ? 'block' : score >= stepUpScore ? 'step_up' : 'allow';
  // A passed challenge answers the risk its first attempt raised: the signals stay on record, but asking again
  // would end the session just earned, and alerting again would count one sign-in twice.
  const answered = facts.completesChallenge === true;
  return {
    detections,
    rulesFired: detections.map((d) => d.rule),
    score,
    decision: answered ? 'allow' : decision,
    severity: detections.length === 0 ? null : maxSeverity(detections.map((d) => d.severity)),
    raisesAlert: !answered && detections.length > 0 && score >= alertScore,
  };
}

function placeOf(facts: LoginFacts): LoginPlace {
  return {
    at: facts.at.toISOString(),
    ipMasked: facts.ipMasked,
    regionKey: facts.location.regionKey,
    latitude: facts.location.latitude,
    longitude: facts.location.longitude,
    accuracyKm: facts.location.accuracyKm,
  };
}

function remember(list: readonly string[], value: string, max: number): string[] {
  return [...list.filter((v) => v !== value), value].slice(-max);
}

/**
 * The history after this attempt. Only a fully successful sign-in teaches known devices and regions
 * (a step-up that was never completed proves nothing), and it clears the failure streak.
 */
export function nextHistory(history: LoginHistory, facts: LoginFacts, policy: RiskPolicy): LoginHistory {
  if (facts.outcome === 'failure') {
    const windowMinutes = policy.rules.brute_force.params.windowMinutes ?? 15;
    const since = facts.at.getTime() - windowMinutes * MS_PER_MINUTE;
    const recentFailures = [
      ...history.recentFailures.filter((t) => new Date(t).getTime() >= since),
      facts.at.toISOString(),
    ].slice(-MAX_RECENT_FAILURES);
    return { ...history, recentFailures };
  }
  if (facts.outcome !== 'success') return history;
  const place = placeOf(facts);
  return {
    ...history,
    successCount: history.successCount + 1,
    knownDevices:
      facts.deviceRef === null
        ? history.knownDevices
        : remember(history.knownDevices, facts.deviceRef, MAX_KNOWN_DEVICES),
    knownRegions:
      facts.location.regionKey === null
        ? history.knownRegions
        : remember(history.knownRegions, facts.location.regionKey, MAX_KNOWN_REGIONS),
    lastSuccess: place,
    lastLocatedSuccess: place.latitude === null ? history.lastLocatedSuccess : place,
    recentFailures: [],
  };
}

/** The history after a password or contact change; the latest change (by event time) is kept. */
export function withCredentialChange(
  history: LoginHistory,
  at: Date,
  kind: CredentialChangeKind,
): LoginHistory {
  const current = history.lastCredentialChangeAt;
  if (current !== null && new Date(current).getTime() >= at.getTime()) return history;
  return { ...history, lastCredentialChangeAt: at.toISOString(), lastCredentialChangeKind: kind };
}
