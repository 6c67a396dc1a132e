import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The history of platform role grants and revocations, with the reason each was made. */
export class PlatformRoleChanges1765000000000 implements MigrationInterface {
  readonly name = 'PlatformRoleChanges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE platform_role_changes (
        id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        role VARCHAR(32) NOT NULL,
        change_kind VARCHAR(8) NOT NULL,
        source VARCHAR(16) NOT NULL,
        actor_id CHAR(36) NULL,
        reason VARCHAR(500) NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_platform_role_changes_user (user_id, changed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE platform_role_changes');
  }
}
