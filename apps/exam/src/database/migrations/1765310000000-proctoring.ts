import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proctoring (issue 14, part 2): the candidate's proctoring events, staff actions on attempts, the paused and
 * flagged state of an attempt, and which purpose a single-use face-check token served.
 */
export class Proctoring1765310000000 implements MigrationInterface {
  readonly name = 'Proctoring1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE exam_attempts
        ADD COLUMN paused_at DATETIME(3) NULL AFTER earliest_submit_at,
        ADD COLUMN flagged_at DATETIME(3) NULL AFTER paused_at`,
      `ALTER TABLE attempt_face_checks ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'exam_start'`,
      `CREATE TABLE proctoring_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        attempt_id CHAR(36) NOT NULL,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        client_event_id VARCHAR(64) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        duration_seconds INT UNSIGNED NULL,
        detail VARCHAR(16) NULL,
        verification_id VARCHAR(64) NULL,
        rule VARCHAR(16) NULL,
        outcome VARCHAR(12) NOT NULL,
        client_at DATETIME(3) NULL,
        recorded_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_proctoring_events_client (attempt_id, client_event_id),
        KEY ix_proctoring_events_exam (exam_id, attempt_id),
        CONSTRAINT fk_proctoring_events_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempts (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE attempt_staff_actions (
        id CHAR(36) NOT NULL PRIMARY KEY,
        attempt_id CHAR(36) NOT NULL,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        staff_user_id CHAR(36) NOT NULL,
        action VARCHAR(16) NOT NULL,
        minutes SMALLINT UNSIGNED NULL,
        reason VARCHAR(500) NOT NULL,
        deadline_at DATETIME(3) NOT NULL,
        taken_at DATETIME(3) NOT NULL,
        KEY ix_attempt_staff_actions_attempt (attempt_id, taken_at),
        CONSTRAINT fk_attempt_staff_actions_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempts (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      'DROP TABLE IF EXISTS attempt_staff_actions',
      'DROP TABLE IF EXISTS proctoring_events',
      'ALTER TABLE attempt_face_checks DROP COLUMN purpose',
      'ALTER TABLE exam_attempts DROP COLUMN flagged_at, DROP COLUMN paused_at',
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}
