import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log and its stream heads.
 *
 * Grants for the service's database user (see apps/audit/docs/database-grants.md, proven by
 * apps/audit/test/audit-chain.e2e-spec.ts):
 *   GRANT SELECT, INSERT ON <db>.audit_log_entries TO '<audit_user>'@'%';           -- never UPDATE or DELETE
 *   GRANT SELECT, INSERT, UPDATE ON <db>.audit_stream_heads TO '<audit_user>'@'%';   -- the head moves forward
 *   GRANT SELECT, INSERT, UPDATE, DELETE ON <db>.<every other table> TO '<audit_user>'@'%';
 * Migrations run as a separate migration user that owns the schema.
 * Dates are stored as ISO strings because they are part of the hashed content and must round-trip exactly.
 */
export class AuditLogTables1764115300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE audit_log_entries (
         stream VARCHAR(32) NOT NULL,
         seq BIGINT UNSIGNED NOT NULL,
         event_id CHAR(36) NOT NULL,
         event_type VARCHAR(96) NOT NULL,
         producer VARCHAR(64) NOT NULL,
         occurred_at VARCHAR(24) NOT NULL,
         recorded_at VARCHAR(24) NOT NULL,
         trace_id VARCHAR(128) NOT NULL,
         subject_user_id CHAR(36) NULL,
         actor_id VARCHAR(64) NULL,
         institution_id CHAR(36) NULL,
         ip_masked VARCHAR(64) NULL,
         attributes TEXT NOT NULL,
         prev_hash CHAR(64) NOT NULL,
         hash CHAR(64) NOT NULL,
         PRIMARY KEY (stream, seq),
         UNIQUE KEY uq_audit_log_event (event_id),
         KEY ix_audit_log_user (subject_user_id, occurred_at),
         KEY ix_audit_log_institution (institution_id, occurred_at),
         KEY ix_audit_log_type (event_type, occurred_at),
         KEY ix_audit_log_occurred (occurred_at),
         KEY ix_audit_log_ip (ip_masked, occurred_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE audit_stream_heads (
         stream VARCHAR(32) NOT NULL PRIMARY KEY,
         last_seq BIGINT UNSIGNED NOT NULL,
         last_hash CHAR(64) NOT NULL
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_stream_heads');
    await queryRunner.query('DROP TABLE audit_log_entries');
  }
}
