import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Institution payment settings (the refund approval threshold), the approval trail on refunds, the exam an
 * exam-fee order pays for, and the indexes the institution reports read by (issue 15, ADR 0053).
 */
export class RefundApprovalAndReports1765520000000 implements MigrationInterface {
  readonly name = 'RefundApprovalAndReports1765520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE payment_institution_settings (
        institution_id CHAR(36) NOT NULL PRIMARY KEY,
        refund_approval_threshold_fen INT UNSIGNED NULL,
        updated_by VARCHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `ALTER TABLE payment_refunds
        MODIFY status VARCHAR(20) NOT NULL,
        ADD COLUMN decided_by VARCHAR(64) NULL AFTER requested_by,
        ADD COLUMN decided_at DATETIME(3) NULL AFTER decided_by,
        ADD COLUMN decision_reason VARCHAR(200) NULL AFTER decided_at,
        ADD KEY ix_payment_refunds_institution_status (institution_id, status, created_at),
        ADD KEY ix_payment_refunds_institution_settled (institution_id, settled_at)`,
      `ALTER TABLE payment_orders
        ADD COLUMN exam_id CHAR(36) NULL AFTER registration_id,
        ADD KEY ix_payment_orders_institution_paid (institution_id, paid_at)`,
      // Exam-fee orders made before this column carry the exam id in their item's title.
      `UPDATE payment_orders o JOIN payment_order_items i ON i.order_id = o.id AND i.line_no = 1
        SET o.exam_id = SUBSTRING(i.title, 6, 36)
        WHERE o.kind = 'exam_fee' AND o.exam_id IS NULL
          AND i.title REGEXP '^Exam [0-9a-f-]{36} registration fee$'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE payment_orders DROP KEY ix_payment_orders_institution_paid, DROP COLUMN exam_id',
    );
    await queryRunner.query(
      `ALTER TABLE payment_refunds
        DROP KEY ix_payment_refunds_institution_settled,
        DROP KEY ix_payment_refunds_institution_status,
        DROP COLUMN decision_reason, DROP COLUMN decided_at, DROP COLUMN decided_by`,
    );
    await queryRunner.query('DROP TABLE IF EXISTS payment_institution_settings');
  }
}
