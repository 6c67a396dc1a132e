import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Institution policies for raw enrolment images, and the images kept under them (encrypted, with an expiry). */
export class FaceRawImages1764700000100 implements MigrationInterface {
  readonly name = 'FaceRawImages1764700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_image_policies (
        institution_id CHAR(36) NOT NULL PRIMARY KEY,
        keep_raw_image TINYINT(1) NOT NULL,
        retention_days INT NULL,
        updated_by CHAR(36) NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE face_raw_images (
        id CHAR(36) NOT NULL PRIMARY KEY,
        user_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        image MEDIUMTEXT NOT NULL,
        content_type VARCHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        KEY ix_face_raw_images_expires (expires_at),
        KEY ix_face_raw_images_user (user_id),
        KEY ix_face_raw_images_institution (institution_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE face_raw_images');
    await queryRunner.query('DROP TABLE face_image_policies');
  }
}
