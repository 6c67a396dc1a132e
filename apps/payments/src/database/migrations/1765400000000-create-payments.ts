import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders with items and history, products, provider transactions, refunds and callbacks (issue 15). */
export class CreatePayments1765400000000 implements MigrationInterface {
  readonly name = 'CreatePayments1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE payment_products (
        id CHAR(36) NOT NULL PRIMARY KEY,
        institution_id CHAR(36) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        title VARCHAR(120) NOT NULL,
        description VARCHAR(2000) NOT NULL,
        price_fen INT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL,
        requires_shipping TINYINT(1) NOT NULL,
        listed TINYINT(1) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_payment_products_institution (institution_id, listed, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_orders (
        id CHAR(36) NOT NULL PRIMARY KEY,
        out_trade_no CHAR(32) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        buyer_id CHAR(36) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        registration_id CHAR(36) NULL,
        idempotency_key VARCHAR(64) NULL,
        description VARCHAR(120) NOT NULL,
        amount_fen INT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL,
        status VARCHAR(20) NOT NULL,
        provider VARCHAR(8) NULL,
        provider_trade_no VARCHAR(64) NULL,
        paid_fen INT UNSIGNED NOT NULL,
        refund_committed_fen INT UNSIGNED NOT NULL,
        refunded_fen INT UNSIGNED NOT NULL,
        contact_name TEXT NULL,
        contact_phone TEXT NULL,
        contact_address TEXT NULL,
        expires_at DATETIME(3) NOT NULL,
        paid_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_payment_orders_out_trade_no (out_trade_no),
        UNIQUE KEY ux_payment_orders_registration (registration_id),
        UNIQUE KEY ux_payment_orders_idempotency (buyer_id, idempotency_key),
        KEY ix_payment_orders_buyer (buyer_id, created_at),
        KEY ix_payment_orders_institution (institution_id, created_at),
        KEY ix_payment_orders_due (status, expires_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_order_items (
        order_id CHAR(36) NOT NULL,
        line_no SMALLINT UNSIGNED NOT NULL,
        kind VARCHAR(16) NOT NULL,
        ref_id CHAR(36) NOT NULL,
        title VARCHAR(120) NOT NULL,
        unit_price_fen INT UNSIGNED NOT NULL,
        quantity INT UNSIGNED NOT NULL,
        amount_fen INT UNSIGNED NOT NULL,
        PRIMARY KEY (order_id, line_no),
        CONSTRAINT fk_payment_order_items_order FOREIGN KEY (order_id) REFERENCES payment_orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_order_transitions (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        order_id CHAR(36) NOT NULL,
        from_status VARCHAR(20) NULL,
        to_status VARCHAR(20) NOT NULL,
        cause VARCHAR(32) NOT NULL,
        actor VARCHAR(64) NOT NULL,
        note VARCHAR(200) NULL,
        at DATETIME(3) NOT NULL,
        KEY ix_payment_order_transitions_order (order_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_transactions (
        id CHAR(36) NOT NULL PRIMARY KEY,
        order_id CHAR(36) NOT NULL,
        provider VARCHAR(8) NOT NULL,
        provider_trade_no VARCHAR(64) NOT NULL,
        amount_fen INT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL,
        outcome VARCHAR(8) NOT NULL,
        paid_at DATETIME(3) NOT NULL,
        received_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_payment_transactions_provider (provider, provider_trade_no),
        KEY ix_payment_transactions_order (order_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_refunds (
        id CHAR(36) NOT NULL PRIMARY KEY,
        out_refund_no CHAR(32) NOT NULL,
        order_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        idempotency_key VARCHAR(80) NOT NULL,
        provider VARCHAR(8) NOT NULL,
        total_fen INT UNSIGNED NOT NULL,
        amount_fen INT UNSIGNED NOT NULL,
        reason VARCHAR(200) NOT NULL,
        source VARCHAR(16) NOT NULL,
        requested_by VARCHAR(64) NOT NULL,
        status VARCHAR(12) NOT NULL,
        provider_refund_id VARCHAR(64) NULL,
        failure VARCHAR(200) NULL,
        submit_after DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        settled_at DATETIME(3) NULL,
        UNIQUE KEY ux_payment_refunds_out_refund_no (out_refund_no),
        UNIQUE KEY ux_payment_refunds_idempotency (order_id, idempotency_key),
        KEY ix_payment_refunds_due (status, submit_after)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE payment_callbacks (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        provider VARCHAR(8) NOT NULL,
        kind VARCHAR(8) NOT NULL,
        outcome VARCHAR(16) NOT NULL,
        out_trade_no VARCHAR(64) NULL,
        provider_ref VARCHAR(64) NULL,
        amount_fen INT UNSIGNED NULL,
        detail VARCHAR(200) NULL,
        received_at DATETIME(3) NOT NULL,
        KEY ix_payment_callbacks_trade (out_trade_no),
        KEY ix_payment_callbacks_received (received_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'payment_callbacks',
      'payment_refunds',
      'payment_transactions',
      'payment_order_transitions',
      'payment_order_items',
      'payment_orders',
      'payment_products',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
