import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciliation (issue 15): which providers an order was taken to (checkouts), and when the job should next
 * ask the provider about a pending order or a processing refund whose callback never came.
 */
export class AddReconciliation1765500000000 implements MigrationInterface {
  readonly name = 'AddReconciliation1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE payment_checkouts (
        order_id CHAR(36) NOT NULL,
        provider VARCHAR(8) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (order_id, provider),
        CONSTRAINT fk_payment_checkouts_order FOREIGN KEY (order_id) REFERENCES payment_orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `ALTER TABLE payment_orders
        ADD COLUMN reconcile_at DATETIME(3) NULL,
        ADD COLUMN reconcile_attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        ADD KEY ix_payment_orders_reconcile (status, reconcile_at)`,
      `ALTER TABLE payment_refunds
        ADD COLUMN reconcile_at DATETIME(3) NULL,
        ADD COLUMN reconcile_attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        ADD KEY ix_payment_refunds_reconcile (status, reconcile_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE payment_refunds DROP KEY ix_payment_refunds_reconcile, DROP COLUMN reconcile_attempts, DROP COLUMN reconcile_at',
    );
    await queryRunner.query(
      'ALTER TABLE payment_orders DROP KEY ix_payment_orders_reconcile, DROP COLUMN reconcile_attempts, DROP COLUMN reconcile_at',
    );
    await queryRunner.query('DROP TABLE IF EXISTS payment_checkouts');
  }
}
