import { ALERT_SEVERITIES, type AlertSeverity } from '@exam/contracts';

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

export function isRuleCode(value: string): value is RuleCode {
  return (RULE_CODES as readonly string[]).includes(value);
}

/** Numeric knobs of the rules; every one is data in `risk_rules.params`, changeable without a deploy. */
export interface RuleParams {
  /** impossible_travel: speed above which travel between two logins is impossible (Okta: 805 km/h). */
  readonly maxSpeedKmh?: number;
  /** brute_force, credential_stuffing_*: sliding window. */
  readonly windowMinutes?: number;
  /** brute_force: failures on one account within the window. */
  readonly failures?: number;
  /** credential_stuffing_*: distinct accounts failing from one IP / device within the window. */
  readonly distinctAccounts?: number;
  /** dormant_account: days without a successful login. */
  readonly dormantDays?: number;
  /** new_device_after_credential_change: how long after a password/phone change a new device is suspicious. */
  readonly withinHours?: number;
}

export interface RulePolicy {
  readonly enabled: boolean;
  readonly weight: number;
  readonly severity: AlertSeverity;
  readonly params: RuleParams;
}

export interface RiskThresholds {
  /** score ≥ stepUp → step_up (face check or one-time code). */
  readonly stepUpScore: number;
  /** score ≥ block → block. */
  readonly blockScore: number;
  /** score ≥ alert → an alert for security staff. */
  readonly alertScore: number;
  /** Repeated detections for the same subject and cause within this window update the open alert. */
  readonly alertDedupMinutes: number;
}

export interface RiskPolicy {
  readonly rules: { readonly [K in RuleCode]: RulePolicy };
  readonly thresholds: RiskThresholds;
}

/** The seed of `risk_rules` / `risk_settings` (migration) and the fallback for a rule missing from the table. */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  rules: {
    new_device: { enabled: true, weight: 20, severity: 'low', params: {} },
    new_region: { enabled: true, weight: 30, severity: 'medium', params: {} },
    impossible_travel: { enabled: true, weight: 70, severity: 'high', params: { maxSpeedKmh: 805 } },
    brute_force: { enabled: true, weight: 60, severity: 'high', params: { windowMinutes: 15, failures: 10 } },
    credential_stuffing_ip: {
      enabled: true,
      weight: 80,
      severity: 'critical',
      params: { windowMinutes: 10, distinctAccounts: 20 },
    },
    credential_stuffing_device: {
      enabled: true,
      weight: 80,
      severity: 'critical',
      params: { windowMinutes: 10, distinctAccounts: 10 },
    },
    dormant_account: { enabled: true, weight: 30, severity: 'medium', params: { dormantDays: 180 } },
    new_device_after_credential_change: {
      enabled: true,
      weight: 50,
      severity: 'high',
      params: { withinHours: 72 },
    },
  },
  thresholds: { stepUpScore: 40, blockScore: 80, alertScore: 40, alertDedupMinutes: 60 },
};

export function severityRank(severity: AlertSeverity): number {
  return ALERT_SEVERITIES.indexOf(severity);
}

export function maxSeverity(severities: readonly AlertSeverity[]): AlertSeverity {
  return severities.reduce<AlertSeverity>((max, s) => (severityRank(s) > severityRank(max) ? s : max), 'low');
}
