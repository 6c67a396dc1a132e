import type { Detection } from '../login-risk/risk-engine';
import { AlertRaiser } from './alert-raiser.service';

const detection = (rule: Detection['rule'], weight: number, severity: Detection['severity']): Detection => ({
  rule,
  weight,
  severity,
  reason: rule,
  evidence: {},
});

describe(AlertRaiser.name, () => {
  it('should take the heaviest rule as the cause used for duplicate suppression', () => {
    expect(
      AlertRaiser.causeOf([
        detection('new_region', 30, 'medium'),
        detection('impossible_travel', 70, 'high'),
      ]),
    ).toBe('impossible_travel');
  });

  it('should break weight ties by severity', () => {
    expect(
      AlertRaiser.causeOf([detection('new_region', 30, 'medium'), detection('dormant_account', 30, 'high')]),
    ).toBe('dormant_account');
  });
});
