import { Column, Entity, PrimaryColumn } from 'typeorm';

import { DECIMAL_POINTS } from '../database/decimal-column';
import type { RevocationReason } from './domain/certificate-revocation';

/**
 * A certificate issued on a passed, released result: one per candidate and exam. What was signed is kept
 * verbatim (`signedPayload`, `signature`, `keyId`), so the PDF can be rebuilt identically at any time.
 */
@Entity({ name: 'exam_certificates' })
export class CertificateEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  /** 24 random base32 characters (120 bits): the public verification key of the certificate. */
  @Column({ name: 'verification_code', type: 'char', length: 24 }) verificationCode!: string;
  /** Masked by identity before it reached the exam service; never a clear name. */
  @Column({ name: 'holder_masked_name', type: 'varchar', length: 64, nullable: true })
  holderMaskedName!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ name: 'issued_on', type: 'char', length: 10 }) issuedOn!: string;
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL_POINTS })
  score!: number | null;
  @Column({
    name: 'max_score',
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  maxScore!: number | null;
  @Column({ name: 'key_id', type: 'varchar', length: 32 }) keyId!: string;
  @Column({ name: 'signed_payload', type: 'text' }) signedPayload!: string;
  @Column({ type: 'varchar', length: 128 }) signature!: string;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true })
  revokedReason!: RevocationReason | null;
  @Column({ name: 'issued_at', type: 'datetime', precision: 3 }) issuedAt!: Date;
}
