import type { RiskThresholds, RulePolicy } from '../api/types';
import {
  numberProblem,
  orderedRules,
  PARAM_BOUNDS,
  paramsOf,
  ruleChangeOf,
  thresholdsChangeOf,
} from './risk-rules';

const travel: RulePolicy = { enabled: true, weight: 70, severity: 'high', params: { maxSpeedKmh: 805 } };
const brute: RulePolicy = {
  enabled: true,
  weight: 60,
  severity: 'high',
  params: { windowMinutes: 15, failures: 10 },
};
const thresholds: RiskThresholds = { stepUpScore: 40, blockScore: 80, alertScore: 40, alertDedupMinutes: 60 };

describe('numberProblem', () => {
  it('should accept a whole number within the bounds, the bounds included', () => {
    expect(numberProblem(1, PARAM_BOUNDS.withinHours)).toBeNull();
    expect(numberProblem(720, PARAM_BOUNDS.withinHours)).toBeNull();
  });

  it('should name what is wrong with a number the API would refuse', () => {
    expect(numberProblem(undefined, PARAM_BOUNDS.withinHours)).toBe('required');
    expect(numberProblem(null, PARAM_BOUNDS.withinHours)).toBe('required');
    expect(numberProblem(1.5, PARAM_BOUNDS.withinHours)).toBe('whole');
    expect(numberProblem('3', PARAM_BOUNDS.withinHours)).toBe('whole');
    expect(numberProblem(0, PARAM_BOUNDS.withinHours)).toBe('range');
    expect(numberProblem(721, PARAM_BOUNDS.withinHours)).toBe('range');
  });
});

describe('ruleChangeOf', () => {
  it('should be null when nothing changed', () => {
    expect(ruleChangeOf(brute, { ...brute, params: { ...brute.params } })).toBeNull();
  });

  it('should send only the fields and parameters that changed', () => {
    expect(
      ruleChangeOf(brute, { ...brute, enabled: false, params: { windowMinutes: 15, failures: 12 } }),
    ).toEqual({
      enabled: false,
      params: { failures: 12 },
    });
    expect(ruleChangeOf(travel, { ...travel, weight: 0, severity: 'critical' })).toEqual({
      weight: 0,
      severity: 'critical',
    });
  });

  it('should never send a parameter the rule does not have', () => {
    expect(ruleChangeOf(travel, { ...travel, params: { maxSpeedKmh: 805, failures: 3 } })).toBeNull();
  });
});

describe('thresholdsChangeOf', () => {
  it('should list only the thresholds that differ', () => {
    expect(thresholdsChangeOf(thresholds, { ...thresholds })).toBeNull();
    expect(thresholdsChangeOf(thresholds, { ...thresholds, blockScore: 90 })).toEqual({ blockScore: 90 });
  });
});

describe('paramsOf and orderedRules', () => {
  it('should list a rule’s parameters in a stable order', () => {
    expect(paramsOf(brute)).toEqual(['windowMinutes', 'failures']);
    expect(paramsOf({ ...travel, params: {} })).toEqual([]);
  });

  it('should order rules as the engine lists them, unknown codes last', () => {
    const order = orderedRules({ zz_new: travel, brute_force: brute, new_device: travel }).map(([c]) => c);
    expect(order).toEqual(['new_device', 'brute_force', 'zz_new']);
  });
});
