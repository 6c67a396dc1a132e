import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a verified real name was verified with the face step (the authority matched the live capture with its
 * register photo). Records verified before this are name-and-number only.
 */
export class RealNameFaceVerified1765012000100 implements MigrationInterface {
  readonly name = 'RealNameFaceVerified1765012000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE real_name_records ADD COLUMN face_verified TINYINT(1) NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE real_name_records DROP COLUMN face_verified');
  }
}
