import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices (发票) and their PDFs; registrations as payments knows them (so an expired exam-fee order can be
 * followed by a new one, which the old one-order-per-registration key forbade); the payer channel of a
 * provider transaction (bank type only, never a card number). Issue 15.
 */
export class InvoicesRegistrations1765530000000 implements MigrationInterface {
  readonly name = 'InvoicesRegistrations1765530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE payment_invoices (
        id CHAR(36) NOT NULL PRIMARY KEY,
        order_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        buyer_id CHAR(36) NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        open_order_id CHAR(36) NULL,
        title_type VARCHAR(10) NOT NULL,
        title TEXT NULL,
        tax_id VARCHAR(18) NULL,
        email TEXT NULL,
        amount_fen INT UNSIGNED NOT NULL,
        status VARCHAR(12) NOT NULL,
        invoice_no VARCHAR(20) NULL,
        issued_on DATE NULL,
        handled_by VARCHAR(64) NULL,
        reject_reason VARCHAR(200) NULL,
        reversal_status VARCHAR(10) NULL,
        reversal_invoice_no VARCHAR(20) NULL,
        erased_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_payment_invoices_idempotency (buyer_id, idempotency_key),
        UNIQUE KEY ux_payment_invoices_open (open_order_id),
        KEY ix_payment_invoices_order (order_id),
        KEY ix_payment_invoices_institution (institution_id, status, created_at),
        KEY ix_payment_invoices_buyer (buyer_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_invoice_files (
        invoice_id CHAR(36) NOT NULL PRIMARY KEY,
        content MEDIUMBLOB NOT NULL,
        size_bytes INT UNSIGNED NOT NULL,
        sha256 CHAR(64) NOT NULL,
        uploaded_at DATETIME(3) NOT NULL,
        CONSTRAINT fk_payment_invoice_files_invoice FOREIGN KEY (invoice_id) REFERENCES payment_invoices (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_registrations (
        registration_id CHAR(36) NOT NULL PRIMARY KEY,
        exam_id CHAR(36) NULL,
        buyer_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        fee_fen INT UNSIGNED NOT NULL,
        status VARCHAR(12) NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      // Registrations that already have an exam-fee order: their fee is that order's amount.
      `INSERT INTO payment_registrations (registration_id, exam_id, buyer_id, institution_id, fee_fen, status, updated_at)
        SELECT o.registration_id, NULL, o.buyer_id, o.institution_id, o.amount_fen, 'pending', o.created_at
        FROM payment_orders o WHERE o.kind = 'exam_fee' AND o.registration_id IS NOT NULL`,
      `ALTER TABLE payment_orders DROP INDEX ux_payment_orders_registration,
        ADD KEY ix_payment_orders_registration (registration_id, created_at)`,
      `ALTER TABLE payment_transactions ADD COLUMN payer_channel VARCHAR(32) NULL AFTER outcome`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE payment_transactions DROP COLUMN payer_channel');
    await queryRunner.query(
      `ALTER TABLE payment_orders DROP INDEX ix_payment_orders_registration,
        ADD UNIQUE KEY ux_payment_orders_registration (registration_id)`,
    );
    for (const table of ['payment_registrations', 'payment_invoice_files', 'payment_invoices'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
