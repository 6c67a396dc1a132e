import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marking and regrading (issue 14, part 2): anonymous scripts, the answers waiting for markers with their
 * claims, every mark given, staff changes of an exam's key, the history of every score change, and the
 * attempt's total (`score`, objective plus marked points, null until every question has a score).
 */
export class CreateMarking1765320000000 implements MigrationInterface {
  readonly name = 'CreateMarking1765320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE exam_attempts ADD COLUMN score DECIMAL(10,2) NULL AFTER objective_score`,
      `CREATE TABLE marking_scripts (
        id CHAR(36) NOT NULL PRIMARY KEY,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        attempt_id CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_marking_scripts_attempt (attempt_id),
        KEY ix_marking_scripts_exam (exam_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE marking_items (
        id CHAR(36) NOT NULL PRIMARY KEY,
        script_id CHAR(36) NOT NULL,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        attempt_id CHAR(36) NOT NULL,
        question_id CHAR(36) NOT NULL,
        max_mark DECIMAL(10,2) NOT NULL,
        auto_points DECIMAL(10,2) NOT NULL,
        passages JSON NOT NULL,
        status VARCHAR(16) NOT NULL,
        final_mark DECIMAL(10,2) NULL,
        claimed_by CHAR(36) NULL,
        claim_expires_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_marking_items_script (script_id, question_id),
        UNIQUE KEY ux_marking_items_attempt (attempt_id, question_id),
        KEY ix_marking_items_queue (exam_id, question_id, status),
        CONSTRAINT fk_marking_items_script FOREIGN KEY (script_id) REFERENCES marking_scripts (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE marking_marks (
        id CHAR(36) NOT NULL PRIMARY KEY,
        item_id CHAR(36) NOT NULL,
        marker_id CHAR(36) NOT NULL,
        round TINYINT UNSIGNED NOT NULL,
        mark DECIMAL(10,2) NOT NULL,
        comment VARCHAR(2000) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_marking_marks_marker (item_id, marker_id),
        UNIQUE KEY ux_marking_marks_round (item_id, round),
        KEY ix_marking_marks_marker (marker_id),
        CONSTRAINT fk_marking_marks_item FOREIGN KEY (item_id) REFERENCES marking_items (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE exam_key_changes (
        exam_id CHAR(36) NOT NULL,
        question_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        override JSON NOT NULL,
        reason VARCHAR(500) NOT NULL,
        changed_by CHAR(36) NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (exam_id, question_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE attempt_score_history (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        attempt_id CHAR(36) NOT NULL,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        question_id CHAR(36) NOT NULL,
        old_score DECIMAL(10,2) NULL,
        new_score DECIMAL(10,2) NULL,
        reason VARCHAR(16) NOT NULL,
        actor_id CHAR(36) NULL,
        note VARCHAR(500) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_attempt_score_history_attempt (attempt_id, id),
        KEY ix_attempt_score_history_exam (exam_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'attempt_score_history',
      'exam_key_changes',
      'marking_marks',
      'marking_items',
      'marking_scripts',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    await queryRunner.query('ALTER TABLE exam_attempts DROP COLUMN score');
  }
}
