import { ALERT_SEVERITIES, type AlertSeverity } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  DEFAULT_RISK_POLICY,
  isRuleCode,
  type RiskPolicy,
  type RiskThresholds,
  type RuleCode,
  type RulePolicy,
} from './risk-policy';

interface RuleRow {
  code: string;
  enabled: number;
  weight: number;
  severity: string;
  params: string;
}

interface SettingRow {
  name: string;
  value: number;
}

const CACHE_MS = 5000;

function isSeverity(value: string): value is AlertSeverity {
  return (ALERT_SEVERITIES as readonly string[]).includes(value);
}

/**
 * Rules and thresholds are rows (`risk_rules`, `risk_settings`), so staff can tune them without a
 * deploy. Read through a short cache (5 s): a change takes effect within seconds on every replica
 * without a query per login. No entity maps these tables: their statements are raw SQL.
 */
@Injectable()
export class RiskPolicyRepository {
  private cached?: { policy: RiskPolicy; at: number };

  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager, now: Date): Promise<RiskPolicy> {
    if (this.cached && now.getTime() - this.cached.at < CACHE_MS) return this.cached.policy;
    const policy = await this.load(manager);
    this.cached = { policy, at: now.getTime() };
    return policy;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** The policy as stored now, bypassing the cache; in `manager`'s transaction when given one. */
  async load(manager: EntityManager = this.dataSource.manager): Promise<RiskPolicy> {
    const rules: Record<RuleCode, RulePolicy> = { ...DEFAULT_RISK_POLICY.rules };
    const ruleRows: RuleRow[] = await manager.query(
      'SELECT code, enabled, weight, severity, params FROM risk_rules',
    );
    for (const row of ruleRows) {
      if (!isRuleCode(row.code) || !isSeverity(row.severity)) continue;
      rules[row.code] = {
        enabled: row.enabled === 1,
        weight: row.weight,
        severity: row.severity,
        params: JSON.parse(row.params) as RulePolicy['params'],
      };
    }
    const thresholds: Record<keyof RiskThresholds, number> = { ...DEFAULT_RISK_POLICY.thresholds };
    const settingRows: SettingRow[] = await manager.query('SELECT name, value FROM risk_settings');
    for (const row of settingRows) {
      if (row.name in thresholds) thresholds[row.name as keyof RiskThresholds] = row.value;
    }
    return { rules, thresholds };
  }

  /** Raw: INSERT … ON DUPLICATE KEY UPDATE upsert (a rule missing from the table is created). */
  async saveRule(manager: EntityManager, code: RuleCode, rule: RulePolicy, staffId: string): Promise<void> {
    await manager.query(
      `INSERT INTO risk_rules (code, enabled, weight, severity, params, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3), ?)
         ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), weight = VALUES(weight), severity = VALUES(severity), params = VALUES(params),
           updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
      [code, rule.enabled ? 1 : 0, rule.weight, rule.severity, JSON.stringify(rule.params), staffId],
    );
  }

  /** Raw: INSERT … ON DUPLICATE KEY UPDATE upsert per threshold. */
  async saveThresholds(manager: EntityManager, thresholds: RiskThresholds, staffId: string): Promise<void> {
    for (const [name, value] of Object.entries(thresholds)) {
      await manager.query(
        `INSERT INTO risk_settings (name, value, updated_at, updated_by) VALUES (?, ?, UTC_TIMESTAMP(3), ?)
           ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
        [name, value, staffId],
      );
    }
  }
}
