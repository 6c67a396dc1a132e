import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Privacy policy versions, their acceptances, and consent per optional purpose. */
export class PrivacyConsents1764115300001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE policy_versions (
      id CHAR(36) NOT NULL PRIMARY KEY,
      version VARCHAR(32) NOT NULL,
      text MEDIUMTEXT NOT NULL,
      effective_at DATETIME(3) NOT NULL,
      material_change TINYINT(1) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY ux_policy_versions_version (version),
      KEY ix_policy_versions_effective (effective_at)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE policy_acceptances (
      user_id CHAR(36) NOT NULL,
      version VARCHAR(32) NOT NULL,
      accepted_at DATETIME(3) NOT NULL,
      PRIMARY KEY (user_id, version)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE consents (
      user_id CHAR(36) NOT NULL,
      purpose VARCHAR(32) NOT NULL,
      granted TINYINT(1) NOT NULL,
      policy_version VARCHAR(32) NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (user_id, purpose)
    ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consents');
    await queryRunner.query('DROP TABLE policy_acceptances');
    await queryRunner.query('DROP TABLE policy_versions');
  }
}
