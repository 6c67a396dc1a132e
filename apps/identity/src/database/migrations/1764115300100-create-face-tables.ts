import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFaceTables1764115300100 implements MigrationInterface {
  readonly name = 'CreateFaceTables1764115300100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_templates (
        user_id CHAR(36) NOT NULL PRIMARY KEY,
        descriptor TEXT NOT NULL,
        model_version VARCHAR(128) NOT NULL,
        detection_score DOUBLE NOT NULL,
        face_width_px INT NOT NULL,
        enrolled_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE face_consents (
        user_id CHAR(36) NOT NULL PRIMARY KEY,
        policy_version VARCHAR(32) NOT NULL,
        granted_at DATETIME(3) NOT NULL,
        withdrawn_at DATETIME(3) NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE face_challenges (
        id CHAR(36) NOT NULL PRIMARY KEY,
        user_id CHAR(36) NOT NULL,
        purpose VARCHAR(32) NOT NULL,
        exam_id CHAR(36) NULL,
        nonce CHAR(43) NOT NULL,
        steps TEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        KEY ix_face_challenges_user (user_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE face_verifications (
        id CHAR(36) NOT NULL PRIMARY KEY,
        user_id CHAR(36) NOT NULL,
        purpose VARCHAR(32) NOT NULL,
        exam_id CHAR(36) NULL,
        challenge_id CHAR(36) NOT NULL,
        outcome VARCHAR(32) NOT NULL,
        reason VARCHAR(255) NOT NULL,
        distance DOUBLE NULL,
        threshold DOUBLE NOT NULL,
        model_version VARCHAR(128) NOT NULL,
        liveness_passed TINYINT(1) NOT NULL,
        day CHAR(10) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        overturned_at DATETIME(3) NULL,
        UNIQUE KEY ux_face_verifications_challenge (challenge_id),
        KEY ix_face_verifications_user_day (user_id, purpose, day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE face_review_requests (
        id CHAR(36) NOT NULL PRIMARY KEY,
        verification_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        reason VARCHAR(1000) NOT NULL,
        status VARCHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        reviewer_id CHAR(36) NULL,
        review_note VARCHAR(1000) NULL,
        resolved_at DATETIME(3) NULL,
        UNIQUE KEY ux_face_review_requests_verification (verification_id),
        KEY ix_face_review_requests_status (status, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'face_review_requests',
      'face_verifications',
      'face_challenges',
      'face_consents',
      'face_templates',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
