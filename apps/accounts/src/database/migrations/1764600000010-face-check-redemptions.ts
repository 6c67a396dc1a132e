import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Face-check tokens used for sign-in, step-up or password recovery, so that each works once. */
export class FaceCheckRedemptions1764600000010 implements MigrationInterface {
  readonly name = 'FaceCheckRedemptions1764600000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_check_redemptions (
        jti VARCHAR(64) NOT NULL PRIMARY KEY,
        user_id CHAR(36) NOT NULL,
        purpose VARCHAR(32) NOT NULL,
        verification_id VARCHAR(64) NOT NULL,
        redeemed_at DATETIME(3) NOT NULL,
        KEY ix_face_check_redemptions_redeemed (redeemed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE face_check_redemptions');
  }
}
