import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Daily statement comparison: one run per provider and merchant day, and the mismatches it found (issue 15). */
export class CreateStatements1765510000000 implements MigrationInterface {
  readonly name = 'CreateStatements1765510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE payment_statement_runs (
        id CHAR(36) NOT NULL PRIMARY KEY,
        provider VARCHAR(8) NOT NULL,
        statement_date CHAR(10) NOT NULL,
        status VARCHAR(12) NOT NULL,
        triggered_by VARCHAR(64) NOT NULL,
        lease_until DATETIME(3) NOT NULL,
        started_at DATETIME(3) NOT NULL,
        finished_at DATETIME(3) NULL,
        payments_count INT UNSIGNED NOT NULL,
        refunds_count INT UNSIGNED NOT NULL,
        mismatches_count INT UNSIGNED NOT NULL,
        failure VARCHAR(300) NULL,
        UNIQUE KEY ux_payment_statement_runs_day (provider, statement_date),
        KEY ix_payment_statement_runs_date (statement_date)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_statement_mismatches (
        id CHAR(36) NOT NULL PRIMARY KEY,
        run_id CHAR(36) NOT NULL,
        provider VARCHAR(8) NOT NULL,
        statement_date CHAR(10) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        reference VARCHAR(64) NOT NULL,
        out_trade_no VARCHAR(64) NOT NULL,
        provider_trade_no VARCHAR(64) NULL,
        out_refund_no VARCHAR(64) NULL,
        order_id CHAR(36) NULL,
        institution_id CHAR(36) NULL,
        platform_amount_fen INT NULL,
        provider_amount_fen INT NULL,
        platform_status VARCHAR(32) NULL,
        provider_status VARCHAR(32) NULL,
        status VARCHAR(10) NOT NULL,
        resolution_note VARCHAR(500) NULL,
        resolved_by VARCHAR(64) NULL,
        resolved_at DATETIME(3) NULL,
        detected_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_payment_statement_mismatches_ref (provider, statement_date, kind, reference),
        KEY ix_payment_statement_mismatches_institution (institution_id, statement_date),
        KEY ix_payment_statement_mismatches_date (statement_date, status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      // The comparison reads one provider's payments and settled refunds of one day.
      `CREATE INDEX ix_payment_transactions_paid ON payment_transactions (provider, paid_at)`,
      `CREATE INDEX ix_payment_refunds_settled ON payment_refunds (provider, settled_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_payment_refunds_settled ON payment_refunds');
    await queryRunner.query('DROP INDEX ix_payment_transactions_paid ON payment_transactions');
    for (const table of ['payment_statement_mismatches', 'payment_statement_runs'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
