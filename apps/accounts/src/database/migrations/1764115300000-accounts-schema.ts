import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Users, one-time codes, sessions with their refresh tokens, institutions, memberships and invitations. */
export class AccountsSchema1764115300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE users (
      id CHAR(36) NOT NULL PRIMARY KEY,
      username VARCHAR(32) NULL,
      nickname VARCHAR(64) NOT NULL,
      phone VARCHAR(512) NULL,
      phone_bidx CHAR(64) NULL,
      email VARCHAR(512) NULL,
      email_bidx CHAR(64) NULL,
      password_hash VARCHAR(255) NOT NULL,
      status VARCHAR(16) NOT NULL,
      roles TEXT NOT NULL,
      full_name VARCHAR(512) NULL,
      job_title VARCHAR(64) NULL,
      company VARCHAR(128) NULL,
      education VARCHAR(64) NULL,
      failed_logins INT NOT NULL DEFAULT 0,
      last_failed_at DATETIME(3) NULL,
      locked_until DATETIME(3) NULL,
      review_locked_at DATETIME(3) NULL,
      review_lock_reason VARCHAR(32) NULL,
      step_up_required TINYINT(1) NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      activated_at DATETIME(3) NULL,
      UNIQUE KEY ux_users_username (username),
      UNIQUE KEY ux_users_phone_bidx (phone_bidx),
      UNIQUE KEY ux_users_email_bidx (email_bidx)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE verification_codes (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      purpose VARCHAR(32) NOT NULL,
      channel VARCHAR(8) NOT NULL,
      code_hash CHAR(64) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      sent_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      consumed_at DATETIME(3) NULL,
      UNIQUE KEY ux_verification_codes_user_purpose (user_id, purpose)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE sessions (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      masked_ip VARCHAR(64) NOT NULL,
      user_agent VARCHAR(512) NOT NULL,
      device_id VARCHAR(128) NULL,
      attempt_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      last_used_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      revoke_reason VARCHAR(32) NULL,
      KEY ix_sessions_user (user_id, revoked_at),
      KEY ix_sessions_attempt (attempt_id)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE refresh_tokens (
      token_hash CHAR(64) NOT NULL PRIMARY KEY,
      session_id CHAR(36) NOT NULL,
      issued_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      KEY ix_refresh_tokens_session (session_id)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE institutions (
      id CHAR(36) NOT NULL PRIMARY KEY,
      name VARCHAR(128) NOT NULL,
      contact_phone VARCHAR(512) NULL,
      contact_email VARCHAR(512) NULL,
      organisation_code VARCHAR(32) NULL,
      invoice_bank VARCHAR(128) NULL,
      invoice_recipient VARCHAR(512) NULL,
      invoice_address VARCHAR(512) NULL,
      invoice_postcode VARCHAR(6) NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE memberships (
      id CHAR(36) NOT NULL PRIMARY KEY,
      institution_id CHAR(36) NOT NULL,
      user_id CHAR(36) NOT NULL,
      role VARCHAR(16) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY ux_memberships (institution_id, user_id, role),
      KEY ix_memberships_user (user_id)
    ) ${TABLE}`);
    await queryRunner.query(`CREATE TABLE invitations (
      id CHAR(36) NOT NULL PRIMARY KEY,
      institution_id CHAR(36) NOT NULL,
      role VARCHAR(16) NOT NULL,
      contact_kind VARCHAR(8) NOT NULL,
      contact VARCHAR(512) NOT NULL,
      token_hash CHAR(64) NOT NULL,
      invited_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      accepted_at DATETIME(3) NULL,
      accepted_by CHAR(36) NULL,
      UNIQUE KEY ux_invitations_token (token_hash),
      KEY ix_invitations_institution (institution_id)
    ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'invitations',
      'memberships',
      'institutions',
      'refresh_tokens',
      'sessions',
      'verification_codes',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
