import type { MigrationInterface, QueryRunner } from 'typeorm';

/** User appeals against automated login decisions, and personal-information incidents. */
export class AppealsIncidents1764115300003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_appeals (
         id CHAR(36) NOT NULL PRIMARY KEY,
         attempt_id CHAR(36) NOT NULL,
         user_id CHAR(36) NOT NULL,
         statement TEXT NOT NULL,
         alert_id CHAR(36) NOT NULL,
         created_at DATETIME(3) NOT NULL,
         UNIQUE KEY uq_login_appeals_attempt (attempt_id),
         KEY ix_login_appeals_user (user_id, created_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE pi_incidents (
         id CHAR(36) NOT NULL PRIMARY KEY,
         title VARCHAR(200) NOT NULL,
         description TEXT NOT NULL,
         cause TEXT NOT NULL,
         occurred_at DATETIME(3) NOT NULL,
         discovered_at DATETIME(3) NOT NULL,
         data_categories TEXT NOT NULL,
         affected_users INT NOT NULL,
         measures TEXT NOT NULL,
         user_guidance TEXT NOT NULL,
         status VARCHAR(24) NOT NULL,
         recorded_by CHAR(36) NOT NULL,
         created_at DATETIME(3) NOT NULL,
         notified_at DATETIME(3) NULL,
         notified_users INT NOT NULL DEFAULT 0,
         KEY ix_pi_incidents_created (created_at)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pi_incidents');
    await queryRunner.query('DROP TABLE login_appeals');
  }
}
