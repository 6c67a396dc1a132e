import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Privacy rights: consent history (for the copy of one's data), tracked privacy requests (export, erasure), the
 * erasure tombstone's timestamp, and time indexes so the retention job deletes by range instead of scanning.
 */
export class PrivacyRights1764115300004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE consent_changes (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      purpose VARCHAR(32) NOT NULL,
      granted TINYINT(1) NOT NULL,
      policy_version VARCHAR(32) NULL,
      changed_at DATETIME(3) NOT NULL,
      KEY ix_consent_changes_user (user_id, changed_at)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE privacy_requests (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      requested_at DATETIME(3) NOT NULL,
      deadline_at DATETIME(3) NOT NULL,
      completed_at DATETIME(3) NULL,
      KEY ix_privacy_requests_user (user_id, requested_at)
    ) ${TABLE}`);
    await queryRunner.query('ALTER TABLE users ADD COLUMN erased_at DATETIME(3) NULL AFTER activated_at');
    await queryRunner.query(
      'ALTER TABLE verification_codes ADD KEY ix_verification_codes_expires (expires_at), ADD KEY ix_verification_codes_consumed (consumed_at)',
    );
    await queryRunner.query(
      'ALTER TABLE contact_changes ADD KEY ix_contact_changes_requested (requested_at)',
    );
    await queryRunner.query('ALTER TABLE invitations ADD KEY ix_invitations_expires (expires_at)');
    await queryRunner.query(
      'ALTER TABLE sessions ADD KEY ix_sessions_expires (expires_at), ADD KEY ix_sessions_revoked (revoked_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE sessions DROP KEY ix_sessions_expires, DROP KEY ix_sessions_revoked',
    );
    await queryRunner.query('ALTER TABLE invitations DROP KEY ix_invitations_expires');
    await queryRunner.query('ALTER TABLE contact_changes DROP KEY ix_contact_changes_requested');
    await queryRunner.query(
      'ALTER TABLE verification_codes DROP KEY ix_verification_codes_expires, DROP KEY ix_verification_codes_consumed',
    );
    await queryRunner.query('ALTER TABLE users DROP COLUMN erased_at');
    await queryRunner.query('DROP TABLE privacy_requests');
    await queryRunner.query('DROP TABLE consent_changes');
  }
}
