import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys the audit chain: each entry names the HMAC key (by fingerprint) its hash was computed with. Rows
 * written before stay NULL and keep verifying as plain SHA-256 until the service seals their stream.
 */
export class AuditChainMacKey1764115300006 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE audit_log_entries ADD COLUMN mac_key_id CHAR(16) NULL AFTER prev_hash',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log_entries DROP COLUMN mac_key_id');
  }
}
