import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authority-verified face of each face-verified real-name user, which enrolment and exam-start face checks are
 * held against (#12 item 3).
 */
export class VerifiedFaceReferences1765012000000 implements MigrationInterface {
  readonly name = 'VerifiedFaceReferences1765012000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE verified_face_references (
        user_id CHAR(36) NOT NULL PRIMARY KEY,
        descriptor TEXT NOT NULL,
        model_version VARCHAR(128) NOT NULL,
        attempt_id CHAR(36) NOT NULL,
        verified_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE verified_face_references');
  }
}
