import type { VerificationResult } from '@exam/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import type { AuthorityDecision } from '../authority/authority.provider';

/**
 * Every call to the authority and its normalized decision, with what is needed to explain it and bill it.
 * Holds no name or ID number: the decision, not the data, is what must be kept.
 */
@Entity({ name: 'verification_attempts' })
@Index('ix_attempts_user_day', ['userId', 'day'])
export class VerificationAttemptEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;

  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;

  /** Whose data was checked: the applicant, or the guardian giving consent for a child. */
  @Column({ type: 'varchar', length: 16 }) subject!: 'applicant' | 'guardian';

  /** China calendar day of the attempt, for the daily budget. */
  @Column({ type: 'char', length: 10 }) day!: string;

  @Column({ type: 'varchar', length: 24 }) result!: VerificationResult;

  @Column({ type: 'boolean' }) billable!: boolean;

  @Column({ type: 'double', nullable: true }) score!: number | null;

  @Column({ type: 'double', nullable: true }) threshold!: number | null;

  @Column({ type: 'varchar', length: 64 }) provider!: string;

  /** The authority's face model, or identity's face engine for a liveness failure decided locally. */
  @Column({ name: 'model_version', type: 'varchar', length: 128, nullable: true }) modelVersion!:
    string | null;

  @Column({ name: 'provider_ref', type: 'varchar', length: 64, nullable: true }) providerRef!: string | null;

  /** Machine-readable failure detail, or the reason of a local liveness failure (never personal data). */
  @Column({ type: 'varchar', length: 255, nullable: true }) detail!: string | null;

  @Column({ name: 'notified_at', type: 'datetime', precision: 3, nullable: true }) notifiedAt: Date | null =
    null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** The stored form of one authority decision. */
export function attemptRecord(
  id: string,
  userId: string,
  subject: VerificationAttemptEntity['subject'],
  day: string,
  decision: AuthorityDecision,
): VerificationAttemptEntity {
  return Object.assign(new VerificationAttemptEntity(), {
    id,
    userId,
    subject,
    day,
    result: decision.result,
    billable: decision.billable,
    score: decision.score,
    threshold: decision.threshold,
    provider: decision.provider,
    modelVersion: decision.modelVersion,
    providerRef: decision.providerRef,
    detail: decision.detail,
  });
}
