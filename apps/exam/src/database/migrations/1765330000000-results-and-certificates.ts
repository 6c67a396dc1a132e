import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results, statistics and certificates (issue 14, part 2): the attempt's final total (`score`, added by the
 * marking migration) filled in for attempts graded before it existed, the staff release of an exam's results, and issued certificates with their
 * random verification code and Ed25519 signature.
 */
export class ResultsAndCertificates1765330000000 implements MigrationInterface {
  readonly name = 'ResultsAndCertificates1765330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Attempts graded before this column existed had nothing to mark: their total is the objective score.
      "UPDATE exam_attempts SET score = objective_score WHERE status = 'graded' AND score IS NULL",
      'ALTER TABLE exam_attempts ADD KEY ix_exam_attempts_exam_status (exam_id, status)',
      `CREATE TABLE exam_result_releases (
        exam_id CHAR(36) NOT NULL PRIMARY KEY,
        institution_id CHAR(36) NOT NULL,
        released_by CHAR(36) NOT NULL,
        released_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE exam_certificates (
        id CHAR(36) NOT NULL PRIMARY KEY,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        attempt_id CHAR(36) NOT NULL,
        verification_code CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        holder_masked_name VARCHAR(64) NULL,
        title VARCHAR(200) NOT NULL,
        issued_on CHAR(10) NOT NULL,
        score DECIMAL(10,2) NULL,
        max_score DECIMAL(10,2) NULL,
        key_id VARCHAR(32) NOT NULL,
        signed_payload TEXT NOT NULL,
        signature VARCHAR(128) NOT NULL,
        revoked_at DATETIME(3) NULL,
        revoked_reason VARCHAR(32) NULL,
        issued_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_exam_certificates_holder (exam_id, user_id),
        UNIQUE KEY ux_exam_certificates_code (verification_code),
        KEY ix_exam_certificates_attempt (attempt_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE exam_certificates');
    await queryRunner.query('DROP TABLE exam_result_releases');
    await queryRunner.query('ALTER TABLE exam_attempts DROP KEY ix_exam_attempts_exam_status');
  }
}
