import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import type { UpdateRiskRuleDto, UpdateRiskThresholdsDto } from './dto/risk-rule.dto';
import { RiskThresholdsInconsistentError, UnknownRiskRuleError } from './login-risk.errors';
import { isRuleCode, type RiskPolicy, type RiskThresholds, type RuleParams } from './risk-policy';
import { RiskPolicyRepository } from './risk-policy.repository';

/** The fields of a validated partial-update DTO that were actually sent, as a plain object. */
function definedOnly<T>(dto: object | undefined): Partial<T> {
  if (dto === undefined) return {};
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Reading and tuning the risk rules at run time; every change is chained with who made it. */
@Injectable()
export class RiskRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: RiskPolicyRepository,
    private readonly staffActions: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  current(): Promise<RiskPolicy> {
    return this.policies.load();
  }

  async updateRule(code: string, change: UpdateRiskRuleDto, staffId: string): Promise<RiskPolicy> {
    if (!isRuleCode(code)) {
      throw new UnknownRiskRuleError(code);
    }
    await this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.load(manager);
      const rule = policy.rules[code];
      const next = {
        enabled: change.enabled ?? rule.enabled,
        weight: change.weight ?? rule.weight,
        severity: change.severity ?? rule.severity,
        params: { ...rule.params, ...definedOnly<RuleParams>(change.params) },
      };
      await this.policies.saveRule(manager, code, next, staffId);
      await this.staffActions.record(
        manager,
        {
          type: 'staff.risk_rule.changed',
          staffId,
          subjectUserId: null,
          attributes: {
            rule: code,
            enabled: next.enabled,
            weight: next.weight,
            severity: next.severity,
            params: next.params,
          },
        },
        this.clock.now(),
      );
    });
    this.policies.invalidate();
    return this.current();
  }

  async updateThresholds(change: UpdateRiskThresholdsDto, staffId: string): Promise<RiskPolicy> {
    await this.dataSource.transaction(async (manager) => {
      const next: RiskThresholds = {
        ...(await this.policies.load(manager)).thresholds,
        ...definedOnly<RiskThresholds>(change),
      };
      if (next.stepUpScore > next.blockScore) {
        throw new RiskThresholdsInconsistentError(next.blockScore);
      }
      await this.policies.saveThresholds(manager, next, staffId);
      await this.staffActions.record(
        manager,
        {
          type: 'staff.risk_thresholds.changed',
          staffId,
          subjectUserId: null,
          attributes: { ...next },
        },
        this.clock.now(),
      );
    });
    this.policies.invalidate();
    return this.current();
  }
}
