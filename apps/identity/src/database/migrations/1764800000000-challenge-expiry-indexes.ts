import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on the challenges' expiry for the retention pass, whose batched `DELETE … WHERE expires_at <= ?
 * ORDER BY expires_at LIMIT n` would otherwise scan the whole table once per batch. Built online (no lock).
 */
export class ChallengeExpiryIndexes1764800000000 implements MigrationInterface {
  readonly name = 'ChallengeExpiryIndexes1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE face_challenges ADD INDEX ix_face_challenges_expires (expires_at), ALGORITHM=INPLACE, LOCK=NONE',
    );
    await queryRunner.query(
      'ALTER TABLE real_name_face_challenges ADD INDEX ix_real_name_face_challenges_expires (expires_at), ALGORITHM=INPLACE, LOCK=NONE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE real_name_face_challenges DROP INDEX ix_real_name_face_challenges_expires',
    );
    await queryRunner.query('ALTER TABLE face_challenges DROP INDEX ix_face_challenges_expires');
  }
}
