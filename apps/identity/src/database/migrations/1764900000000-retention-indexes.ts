import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the retention pass (retention/): each batched `DELETE … WHERE <time> <= ? ORDER BY <time> LIMIT n`
 * finds its rows through an index instead of scanning the table once per batch, and the "still referenced"
 * checks of verification attempts look their references up by attempt id. Built online (no lock).
 */
export class RetentionIndexes1764900000000 implements MigrationInterface {
  readonly name = 'RetentionIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const online = 'ALGORITHM=INPLACE, LOCK=NONE';
    await queryRunner.query(
      `ALTER TABLE verification_attempts ADD INDEX ix_attempts_created (created_at), ${online}`,
    );
    await queryRunner.query(
      `ALTER TABLE real_name_records ADD INDEX ix_real_name_records_attempt (attempt_id), ${online}`,
    );
    await queryRunner.query(
      `ALTER TABLE guardian_consents ADD INDEX ix_guardian_consents_attempt (attempt_id), ${online}`,
    );
    await queryRunner.query(
      `ALTER TABLE real_name_appeals ADD INDEX ix_appeals_reviewed (reviewed_at), ${online}`,
    );
    await queryRunner.query(
      `ALTER TABLE real_name_attempt_budgets ADD INDEX ix_attempt_budgets_day (day), ${online}`,
    );
    await queryRunner.query(
      `ALTER TABLE face_verifications ADD INDEX ix_face_verifications_created (created_at), ${online}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE face_verifications DROP INDEX ix_face_verifications_created');
    await queryRunner.query('ALTER TABLE real_name_attempt_budgets DROP INDEX ix_attempt_budgets_day');
    await queryRunner.query('ALTER TABLE real_name_appeals DROP INDEX ix_appeals_reviewed');
    await queryRunner.query('ALTER TABLE guardian_consents DROP INDEX ix_guardian_consents_attempt');
    await queryRunner.query('ALTER TABLE real_name_records DROP INDEX ix_real_name_records_attempt');
    await queryRunner.query('ALTER TABLE verification_attempts DROP INDEX ix_attempts_created');
  }
}
