import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REGISTRATION_STATUSES = [
  'pending_review',
  'pending_payment',
  'confirmed',
  'rejected',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * A candidate's registration (报名). The form answers are personal data, encrypted at rest with the row id
 * bound in; the verified name and ID number are kept only as identity published them, masked.
 */
@Entity({ name: 'registrations' })
export class RegistrationEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  /** 报名号: assigned by the platform, never editable. */
  @Column({ name: 'registration_number', type: 'varchar', length: 20 }) registrationNumber!: string;
  /** 准考证号: assigned at confirmation. */
  @Column({ name: 'ticket_number', type: 'varchar', length: 20, nullable: true }) ticketNumber!:
    string | null;
  @Column({ type: 'varchar', length: 16 }) status!: RegistrationStatus;
  /** 1 while the registration holds (or waits for) a seat, null once cancelled or rejected: one active per exam and user. */
  @Column({ type: 'tinyint', nullable: true }) active!: number | null;
  /** JSON of the form answers `{ key: value }`. */
  @EncryptedColumn({ name: 'form_data', type: 'text' }) formData!: string;
  @Column({ name: 'masked_name', type: 'varchar', length: 64, nullable: true }) maskedName!: string | null;
  @Column({ name: 'masked_id_number', type: 'varchar', length: 32, nullable: true }) maskedIdNumber!:
    string | null;
  @Column({ name: 'fee_fen', type: 'int', unsigned: true }) feeFen!: number;
  @Column({ name: 'order_id', type: 'char', length: 36, nullable: true }) orderId!: string | null;
  @Column({ name: 'paid_fen', type: 'int', unsigned: true, nullable: true }) paidFen!: number | null;
  @Column({ name: 'review_reason', type: 'varchar', length: 500, nullable: true }) reviewReason!:
    string | null;
  @Column({ name: 'reviewed_by', type: 'char', length: 36, nullable: true }) reviewedBy!: string | null;
  /** Seed of the candidate's paper (question and option order), so it can always be rebuilt. */
  @Column({ type: 'char', length: 16 }) seed!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  /** Set when retention or an account erasure removed the form answers and the masked identity. */
  @Column({ name: 'personal_data_erased_at', type: 'datetime', precision: 3, nullable: true })
  personalDataErasedAt!: Date | null;
}
