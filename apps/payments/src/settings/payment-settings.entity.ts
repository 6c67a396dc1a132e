import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An institution's payment settings: one row per institution, written by its org_admins. */
@Entity({ name: 'payment_institution_settings' })
export class PaymentSettingsEntity {
  @PrimaryColumn({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  /**
   * Staff refunds that bring an order's refunds above this many fen wait for an org_admin's approval;
   * null: no staff refund needs approval.
   */
  @Column({ name: 'refund_approval_threshold_fen', type: 'int', unsigned: true, nullable: true })
  refundApprovalThresholdFen!: number | null;
  /** `user:<id>` of the org_admin who last changed the settings. */
  @Column({ name: 'updated_by', type: 'varchar', length: 64 }) updatedBy!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
