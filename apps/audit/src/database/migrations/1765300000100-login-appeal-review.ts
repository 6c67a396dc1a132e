import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff review of appeals against automated login decisions: the decision, its reason, who and when. */
export class LoginAppealReview1765300000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE login_appeals
         ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'open',
         ADD COLUMN decision_reason TEXT NULL,
         ADD COLUMN decided_by CHAR(36) NULL,
         ADD COLUMN decided_at DATETIME(3) NULL,
         ADD KEY ix_login_appeals_status (status, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE login_appeals
         DROP KEY ix_login_appeals_status,
         DROP COLUMN decided_at,
         DROP COLUMN decided_by,
         DROP COLUMN decision_reason,
         DROP COLUMN status`,
    );
  }
}
