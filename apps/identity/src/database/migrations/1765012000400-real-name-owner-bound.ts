import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real-name values are now encrypted with their owner (the user id) in the AAD (#12 item 18). Existing rows are
 * marked as not owner-bound; the service re-encrypts them (a migration holds no keys): at startup, and on read
 * of a row not yet re-encrypted (RealNameRecordRepository.bindOwners).
 */
export class RealNameOwnerBound1765012000400 implements MigrationInterface {
  readonly name = 'RealNameOwnerBound1765012000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE real_name_records ADD COLUMN owner_bound TINYINT(1) NOT NULL DEFAULT 0',
    );
    // Rows written from now on are owner-bound; only those above are not.
    await queryRunner.query('ALTER TABLE real_name_records ALTER COLUMN owner_bound SET DEFAULT 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE real_name_records DROP COLUMN owner_bound');
  }
}
