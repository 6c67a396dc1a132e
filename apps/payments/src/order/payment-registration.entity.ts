import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PAYMENT_REGISTRATION_STATUSES = ['pending', 'cancelled'] as const;
export type PaymentRegistrationStatus = (typeof PAYMENT_REGISTRATION_STATUSES)[number];

/**
 * An exam registration with a fee, as payments learnt it from exam's events: the fee exam published (the
 * server's price for every order of it) and whether it was cancelled. One row per registration: a redelivered
 * exam.registration.created finds it and creates no second order.
 */
@Entity({ name: 'payment_registrations' })
export class PaymentRegistrationEntity {
  @PrimaryColumn({ name: 'registration_id', type: 'char', length: 36 }) registrationId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36, nullable: true }) examId!: string | null;
  @Column({ name: 'buyer_id', type: 'char', length: 36 }) buyerId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'fee_fen', type: 'int', unsigned: true }) feeFen!: number;
  @Column({ type: 'varchar', length: 12 }) status!: PaymentRegistrationStatus;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
