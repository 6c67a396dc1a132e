import {
  type RiskThresholds,
  RULE_CODES,
  RULE_PARAMS,
  type RuleChange,
  type RuleCode,
  type RuleParam,
  type RulePolicy,
  type Threshold,
  THRESHOLDS,
} from '../api/types';

export interface Bounds {
  min: number;
  max: number;
}

/** The ranges audit's UpdateRiskRuleDto / UpdateRiskThresholdsDto accept (whole numbers only). */
export const PARAM_BOUNDS: Record<RuleParam, Bounds> = {
  maxSpeedKmh: { min: 1, max: 20_000 },
  windowMinutes: { min: 1, max: 1440 },
  failures: { min: 1, max: 10_000 },
  distinctAccounts: { min: 1, max: 100_000 },
  dormantDays: { min: 1, max: 3650 },
  withinHours: { min: 1, max: 720 },
};
export const WEIGHT_BOUNDS: Bounds = { min: 0, max: 1000 };
export const THRESHOLD_BOUNDS: Record<Threshold, Bounds> = {
  stepUpScore: { min: 1, max: 1000 },
  blockScore: { min: 1, max: 1000 },
  alertScore: { min: 1, max: 1000 },
  alertDedupMinutes: { min: 1, max: 10_080 },
};

export type NumberProblem = 'required' | 'whole' | 'range';

/** Why a typed number would be refused by the API, or null when it would be accepted. */
export function numberProblem(value: unknown, bounds: Bounds): NumberProblem | null {
  if (value === null || value === undefined || value === '') return 'required';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'whole';
  return value < bounds.min || value > bounds.max ? 'range' : null;
}

/** The rules in the API's order, known ones first; a rule the console does not know yet is still shown. */
export function orderedRules(rules: Partial<Record<string, RulePolicy>>): [string, RulePolicy][] {
  const known = RULE_CODES as readonly string[];
  const rank = (code: string) => (known.includes(code) ? known.indexOf(code) : known.length);
  return Object.entries(rules)
    .filter((entry): entry is [string, RulePolicy] => entry[1] !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The parameters a rule has, in a stable order (the API sends only the ones the rule uses). */
export function paramsOf(rule: RulePolicy): RuleParam[] {
  return RULE_PARAMS.filter((p) => rule.params[p] !== undefined);
}

/** The partial update that turns `before` into `after`, or null when nothing changed. */
export function ruleChangeOf(before: RulePolicy, after: RulePolicy): RuleChange | null {
  const change: RuleChange = {};
  if (after.enabled !== before.enabled) change.enabled = after.enabled;
  if (after.weight !== before.weight) change.weight = after.weight;
  if (after.severity !== before.severity) change.severity = after.severity;
  const params = Object.fromEntries(
    paramsOf(before)
      .filter((p) => after.params[p] !== undefined && after.params[p] !== before.params[p])
      .map((p) => [p, after.params[p]]),
  );
  if (Object.keys(params).length > 0) change.params = params;
  return Object.keys(change).length > 0 ? change : null;
}

/** The thresholds that differ, or null when none does. */
export function thresholdsChangeOf(
  before: RiskThresholds,
  after: RiskThresholds,
): Partial<RiskThresholds> | null {
  const changed = THRESHOLDS.filter((k) => after[k] !== before[k]);
  return changed.length > 0 ? Object.fromEntries(changed.map((k) => [k, after[k]])) : null;
}

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}
