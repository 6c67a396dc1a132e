import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Face checks taken before sign-in remember the accounts request (face ticket `ref`) they were made for. */
export class FaceChallengeRef1764600000010 implements MigrationInterface {
  readonly name = 'FaceChallengeRef1764600000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE face_challenges ADD COLUMN ref VARCHAR(64) NULL AFTER exam_id');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE face_challenges DROP COLUMN ref');
  }
}
