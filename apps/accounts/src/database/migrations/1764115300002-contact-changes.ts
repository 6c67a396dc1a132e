import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Pending phone/email changes, the new value encrypted until the code sent to it comes back. */
export class ContactChanges1764115300002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE contact_changes (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      new_value VARCHAR(512) NOT NULL,
      requested_at DATETIME(3) NOT NULL,
      UNIQUE KEY ux_contact_changes_user (user_id)
    ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_changes');
  }
}
