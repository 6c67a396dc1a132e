import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The region (province and city) of a session's IP, resolved offline when the session opens. */
export class SessionRegion1764115300003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sessions ADD COLUMN region VARCHAR(64) NULL AFTER masked_ip');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN region');
  }
}
