import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts carry every institution of the user (from the login events), not one; `institution_id`
 * stays as the first of them for older readers. Slots get an index on `alert_id`, so resolving an
 * alert frees its slot without scanning (and locking) every slot row.
 */
export class AlertInstitutions1764115300004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE security_alerts ADD COLUMN institution_ids TEXT NOT NULL DEFAULT '[]' AFTER institution_id",
    );
    await queryRunner.query(
      'UPDATE security_alerts SET institution_ids = JSON_ARRAY(institution_id) WHERE institution_id IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX ix_alert_dedup_slots_alert ON alert_dedup_slots (alert_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_alert_dedup_slots_alert ON alert_dedup_slots');
    await queryRunner.query('ALTER TABLE security_alerts DROP COLUMN institution_ids');
  }
}
