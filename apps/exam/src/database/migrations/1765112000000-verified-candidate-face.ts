import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a verified candidate's real name was verified with the face step (#12 item 3): exams with a face check
 * at entry refuse registration without it. Earlier projections were name-and-number only.
 */
export class VerifiedCandidateFace1765112000000 implements MigrationInterface {
  readonly name = 'VerifiedCandidateFace1765112000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE verified_candidates ADD COLUMN face_verified TINYINT(1) NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE verified_candidates DROP COLUMN face_verified');
  }
}
