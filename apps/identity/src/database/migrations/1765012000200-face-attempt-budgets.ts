import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily face-check attempt counters: a check reserves a slot with a conditional UPDATE before the model runs, so
 * parallel answers cannot all pass one stale failure count (#12 item 4).
 */
export class FaceAttemptBudgets1765012000200 implements MigrationInterface {
  readonly name = 'FaceAttemptBudgets1765012000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_attempt_budgets (
        user_id CHAR(36) NOT NULL,
        purpose VARCHAR(32) NOT NULL,
        day CHAR(10) NOT NULL,
        used INT NOT NULL,
        PRIMARY KEY (user_id, purpose, day),
        KEY ix_face_attempt_budgets_day (day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE face_attempt_budgets');
  }
}
