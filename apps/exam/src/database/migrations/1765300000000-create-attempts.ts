import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Attempts, their saved answers and the face-check tokens that started them (issue 14, ADR 0041). */
export class CreateAttempts1765300000000 implements MigrationInterface {
  readonly name = 'CreateAttempts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE exam_attempts (
        id CHAR(36) NOT NULL PRIMARY KEY,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        attempt_no SMALLINT UNSIGNED NOT NULL,
        status VARCHAR(16) NOT NULL,
        live TINYINT NULL,
        seed CHAR(16) NOT NULL,
        paper JSON NOT NULL,
        answer_key JSON NOT NULL,
        device_id VARCHAR(128) NOT NULL,
        previous_device_id VARCHAR(128) NULL,
        started_at DATETIME(3) NOT NULL,
        deadline_at DATETIME(3) NOT NULL,
        save_until DATETIME(3) NOT NULL,
        earliest_submit_at DATETIME(3) NOT NULL,
        submitted_at DATETIME(3) NULL,
        closed_by VARCHAR(10) NULL,
        question_scores JSON NULL,
        objective_score DECIMAL(10,2) NULL,
        max_score DECIMAL(10,2) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_exam_attempts_live (exam_id, user_id, live),
        UNIQUE KEY ux_exam_attempts_number (exam_id, user_id, attempt_no),
        KEY ix_exam_attempts_due (status, save_until),
        KEY ix_exam_attempts_user (user_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE attempt_answers (
        attempt_id CHAR(36) NOT NULL,
        question_id CHAR(36) NOT NULL,
        seq BIGINT UNSIGNED NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        answer JSON NOT NULL,
        saved_at DATETIME(3) NOT NULL,
        PRIMARY KEY (attempt_id, question_id),
        CONSTRAINT fk_attempt_answers_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempts (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE attempt_face_checks (
        jti VARCHAR(64) NOT NULL PRIMARY KEY,
        attempt_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        exam_id CHAR(36) NOT NULL,
        verification_id VARCHAR(64) NOT NULL,
        used_at DATETIME(3) NOT NULL,
        KEY ix_attempt_face_checks_attempt (attempt_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['attempt_face_checks', 'attempt_answers', 'exam_attempts'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
