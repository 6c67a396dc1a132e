import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per revealing actor, locked for the length of a reveal: the per-actor limit is then counted and taken
 * one reveal at a time, so parallel reveals cannot all pass one stale count (#12 item 4).
 */
export class PersonalDataRevealActors1765012000300 implements MigrationInterface {
  name = 'PersonalDataRevealActors1765012000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data_reveal_actors (
        actor_id CHAR(36) NOT NULL,
        PRIMARY KEY (actor_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE personal_data_reveal_actors');
  }
}
