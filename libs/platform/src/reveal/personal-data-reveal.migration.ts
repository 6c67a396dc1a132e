import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataReveals1764115200003 implements MigrationInterface {
  name = 'PersonalDataReveals1764115200003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data_reveals (
        id CHAR(36) NOT NULL,
        actor_id CHAR(36) NOT NULL,
        subject_id VARCHAR(64) NOT NULL,
        field VARCHAR(64) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        revealed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_reveals_actor_time (actor_id, revealed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE personal_data_reveals');
  }
}
