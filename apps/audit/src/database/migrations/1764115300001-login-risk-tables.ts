import type { MigrationInterface, QueryRunner } from 'typeorm';

import { DEFAULT_RISK_POLICY, RULE_CODES } from '../../login-risk/risk-policy';

/**
 * Per-user login history, per-source failure windows, assessments, and the risk rules as data
 * (seeded here, changed at run time through /api/audit/risk/rules without a deploy).
 */
export class LoginRiskTables1764115300001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_profiles (
         user_id CHAR(36) NOT NULL PRIMARY KEY,
         history TEXT NOT NULL,
         updated_at DATETIME(3) NOT NULL,
         KEY ix_login_profiles_updated (updated_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE login_source_failures (
         id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
         source_ref VARCHAR(80) NOT NULL,
         account_ref VARCHAR(64) NOT NULL,
         failed_at DATETIME(3) NOT NULL,
         KEY ix_source_failures_window (source_ref, failed_at),
         KEY ix_source_failures_age (failed_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE login_assessments (
         attempt_id CHAR(36) NOT NULL PRIMARY KEY,
         user_id CHAR(36) NULL,
         outcome VARCHAR(32) NOT NULL,
         decision VARCHAR(16) NOT NULL,
         score INT NOT NULL,
         severity VARCHAR(16) NULL,
         rules_fired TEXT NOT NULL,
         detections TEXT NOT NULL,
         ip_masked VARCHAR(64) NOT NULL,
         attempted_at DATETIME(3) NOT NULL,
         assessed_at DATETIME(3) NOT NULL,
         alert_id CHAR(36) NULL,
         KEY ix_assessments_user (user_id, attempted_at),
         KEY ix_assessments_age (attempted_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE risk_rules (
         code VARCHAR(64) NOT NULL PRIMARY KEY,
         enabled TINYINT(1) NOT NULL,
         weight INT NOT NULL,
         severity VARCHAR(16) NOT NULL,
         params TEXT NOT NULL,
         updated_at DATETIME(3) NOT NULL,
         updated_by VARCHAR(64) NOT NULL
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE risk_settings (
         name VARCHAR(64) NOT NULL PRIMARY KEY,
         value INT NOT NULL,
         updated_at DATETIME(3) NOT NULL,
         updated_by VARCHAR(64) NOT NULL
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    for (const code of RULE_CODES) {
      const rule = DEFAULT_RISK_POLICY.rules[code];
      await queryRunner.query(
        "INSERT INTO risk_rules (code, enabled, weight, severity, params, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3), 'migration')",
        [code, rule.enabled ? 1 : 0, rule.weight, rule.severity, JSON.stringify(rule.params)],
      );
    }
    for (const [name, value] of Object.entries(DEFAULT_RISK_POLICY.thresholds)) {
      await queryRunner.query(
        "INSERT INTO risk_settings (name, value, updated_at, updated_by) VALUES (?, ?, UTC_TIMESTAMP(3), 'migration')",
        [name, value],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'risk_settings',
      'risk_rules',
      'login_assessments',
      'login_source_failures',
      'login_profiles',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
