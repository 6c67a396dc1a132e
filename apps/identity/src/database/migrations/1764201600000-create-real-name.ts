import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Real-name records, authority attempts, guardian consents and appeals. utf8mb4 so rare characters survive. */
export class CreateRealName1764201600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE real_name_records (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      name VARCHAR(512) NOT NULL,
      id_number VARCHAR(512) NOT NULL,
      id_number_bidx CHAR(64) NULL,
      valid_from CHAR(10) NOT NULL,
      valid_to VARCHAR(10) NOT NULL,
      birth_date CHAR(10) NOT NULL,
      gender VARCHAR(6) NOT NULL,
      minor TINYINT(1) NOT NULL,
      attempt_id CHAR(36) NOT NULL,
      verified_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_real_name_user (user_id),
      UNIQUE KEY uq_real_name_id_number (id_number_bidx)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`CREATE TABLE verification_attempts (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      subject VARCHAR(16) NOT NULL,
      day CHAR(10) NOT NULL,
      result VARCHAR(24) NOT NULL,
      billable TINYINT(1) NOT NULL,
      score DOUBLE NULL,
      threshold DOUBLE NULL,
      provider VARCHAR(64) NOT NULL,
      model_version VARCHAR(64) NULL,
      provider_ref VARCHAR(64) NULL,
      detail VARCHAR(64) NULL,
      notified_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_attempts_user_day (user_id, day),
      KEY ix_attempts_provider_ref (provider_ref)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`CREATE TABLE guardian_consents (
      id CHAR(36) NOT NULL PRIMARY KEY,
      child_user_id CHAR(36) NOT NULL,
      guardian_name VARCHAR(512) NOT NULL,
      guardian_id_number VARCHAR(512) NOT NULL,
      relationship VARCHAR(16) NOT NULL,
      attempt_id CHAR(36) NOT NULL,
      consented_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_guardian_child (child_user_id)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`CREATE TABLE real_name_appeals (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      kind VARCHAR(24) NOT NULL,
      reason VARCHAR(500) NOT NULL,
      id_number VARCHAR(512) NULL,
      id_number_bidx CHAR(64) NULL,
      status VARCHAR(16) NOT NULL,
      reviewed_by CHAR(36) NULL,
      review_reason VARCHAR(500) NULL,
      reviewed_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_appeals_user (user_id),
      KEY ix_appeals_status (status, created_at)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`CREATE TABLE real_name_attempt_budgets (
      user_id CHAR(36) NOT NULL,
      day CHAR(10) NOT NULL,
      used INT NOT NULL,
      PRIMARY KEY (user_id, day)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'real_name_attempt_budgets',
      'real_name_appeals',
      'guardian_consents',
      'verification_attempts',
      'real_name_records',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
