import { randomUUID } from 'node:crypto';

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CODE_PURPOSES = ['registration', 'login_step_up', 'password_reset', 'contact_change'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
export type CodeChannel = 'sms' | 'email';

const millis = { type: 'datetime' as const, precision: 3 };

/** A one-time code, stored only as a keyed hash; one live code per user and purpose, with its daily counters. */
@Entity({ name: 'verification_codes' })
@Index('ux_verification_codes_user_purpose', ['userId', 'purpose'], { unique: true })
export class VerificationCodeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 32 }) purpose: CodePurpose = 'registration';
  @Column({ type: 'varchar', length: 8 }) channel: CodeChannel = 'sms';
  @Column({ name: 'code_hash', type: 'char', length: 64 }) codeHash = '';
  @Column({ type: 'int' }) attempts = 0;
  @Column({ name: 'sent_at', ...millis }) sentAt: Date = new Date();
  @Column({ name: 'expires_at', ...millis }) expiresAt: Date = new Date();
  @Column({ name: 'consumed_at', ...millis, nullable: true }) consumedAt: Date | null = null;
  /** The day the counters below count in; they survive re-issuing, so a new code never resets them. */
  @Column({ name: 'day_started_at', ...millis, nullable: true }) dayStartedAt: Date | null = null;
  @Column({ name: 'issued_today', type: 'int' }) issuedToday = 0;
  @Column({ name: 'wrong_today', type: 'int' }) wrongToday = 0;
}
