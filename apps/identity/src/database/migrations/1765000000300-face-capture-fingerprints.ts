import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Descriptors of the frames of passed face checks, per account, to refuse replayed captures (#12). */
export class FaceCaptureFingerprints1765000000300 implements MigrationInterface {
  readonly name = 'FaceCaptureFingerprints1765000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_capture_fingerprints (
        id CHAR(36) NOT NULL PRIMARY KEY,
        user_id CHAR(36) NOT NULL,
        descriptor TEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_face_capture_fingerprints_user (user_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE face_capture_fingerprints');
  }
}
