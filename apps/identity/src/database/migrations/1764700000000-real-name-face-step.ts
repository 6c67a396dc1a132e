import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The face step of real-name verification: its liveness challenges, and room in verification_attempts for the
 * face engine's model version and a local liveness failure's reason.
 */
export class RealNameFaceStep1764700000000 implements MigrationInterface {
  readonly name = 'RealNameFaceStep1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE real_name_face_challenges (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      nonce CHAR(43) NOT NULL,
      steps TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      KEY ix_real_name_face_challenges_user (user_id, created_at)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(
      'ALTER TABLE verification_attempts MODIFY model_version VARCHAR(128) NULL, MODIFY detail VARCHAR(255) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE verification_attempts MODIFY model_version VARCHAR(64) NULL, MODIFY detail VARCHAR(64) NULL',
    );
    await queryRunner.query('DROP TABLE real_name_face_challenges');
  }
}
