import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One lock row per login source (keyed IP or device fingerprint). Batches of login attempts lock
 * the sources they count before reading their failure windows, so batches from different Kafka
 * partitions run concurrently unless they share a source, and then in turn.
 */
export class LoginSourceLocks1764115300005 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_source_locks (
         source_ref VARCHAR(80) NOT NULL PRIMARY KEY,
         created_at DATETIME(3) NOT NULL,
         KEY ix_login_source_locks_created (created_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_source_locks');
  }
}
