import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the retention pass find unfinished registrations by age without scanning every account. */
export class PendingRegistrationsIndex1764115300005 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD KEY ix_users_status_created (status, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP KEY ix_users_status_created');
  }
}
