import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily counters of codes sent and wrong guesses per account and purpose, kept across re-issues (a new code
 * used to reset the guess counter), and per-IP counters of codes sent and wrong guesses across accounts.
 */
export class CodeDailyLimits1765200000100 implements MigrationInterface {
  readonly name = 'CodeDailyLimits1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE verification_codes
        ADD COLUMN day_started_at DATETIME(3) NULL,
        ADD COLUMN issued_today INT NOT NULL DEFAULT 0,
        ADD COLUMN wrong_today INT NOT NULL DEFAULT 0`,
    );
    for (const table of ['code_ip_issues', 'code_ip_wrong_guesses']) {
      await queryRunner.query(
        `CREATE TABLE ${table} (
          ip_digest CHAR(64) NOT NULL,
          window_start DATETIME NOT NULL,
          failures INT NOT NULL,
          PRIMARY KEY (ip_digest, window_start),
          KEY ix_${table}_window (window_start)
        ) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE code_ip_wrong_guesses');
    await queryRunner.query('DROP TABLE code_ip_issues');
    await queryRunner.query(
      'ALTER TABLE verification_codes DROP COLUMN day_started_at, DROP COLUMN issued_today, DROP COLUMN wrong_today',
    );
  }
}
