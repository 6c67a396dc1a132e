import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts for security staff, their comments, duplicate-suppression slots and staff actions on accounts. */
export class AlertTables1764115300002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE security_alerts (
         id CHAR(36) NOT NULL PRIMARY KEY,
         subject_kind VARCHAR(16) NOT NULL,
         subject_ref VARCHAR(80) NOT NULL,
         user_id CHAR(36) NULL,
         institution_id CHAR(36) NULL,
         cause VARCHAR(64) NOT NULL,
         severity VARCHAR(16) NOT NULL,
         score INT NOT NULL,
         rules_fired TEXT NOT NULL,
         evidence TEXT NOT NULL,
         status VARCHAR(24) NOT NULL,
         resolution VARCHAR(24) NULL,
         resolution_note TEXT NULL,
         assignee_id CHAR(36) NULL,
         occurrences INT NOT NULL,
         first_seen_at DATETIME(3) NOT NULL,
         last_seen_at DATETIME(3) NOT NULL,
         created_at DATETIME(3) NOT NULL,
         acknowledged_at DATETIME(3) NULL,
         resolved_at DATETIME(3) NULL,
         sla_due_at DATETIME(3) NOT NULL,
         updated_at DATETIME(3) NOT NULL,
         KEY ix_alerts_queue (status, severity, created_at),
         KEY ix_alerts_user (user_id, created_at),
         KEY ix_alerts_assignee (assignee_id, status),
         KEY ix_alerts_created (created_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE alert_dedup_slots (
         dedup_key VARCHAR(200) NOT NULL PRIMARY KEY,
         alert_id CHAR(36) NULL
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE alert_comments (
         id CHAR(36) NOT NULL PRIMARY KEY,
         alert_id CHAR(36) NOT NULL,
         author_id CHAR(36) NOT NULL,
         body TEXT NOT NULL,
         created_at DATETIME(3) NOT NULL,
         KEY ix_alert_comments_alert (alert_id, created_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE account_actions (
         id CHAR(36) NOT NULL PRIMARY KEY,
         user_id CHAR(36) NOT NULL,
         action VARCHAR(32) NOT NULL,
         reason VARCHAR(32) NOT NULL,
         note TEXT NOT NULL,
         requested_by CHAR(36) NOT NULL,
         alert_id CHAR(36) NULL,
         requested_at DATETIME(3) NOT NULL,
         KEY ix_account_actions_user (user_id, requested_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['account_actions', 'alert_comments', 'alert_dedup_slots', 'security_alerts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
