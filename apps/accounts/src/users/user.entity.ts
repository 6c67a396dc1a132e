import { randomUUID } from 'node:crypto';

import type { PlatformRole } from '@exam/contracts';
import { BlindIndexColumn, EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { CONTACT_INDEX_KEY_ID } from '../field-protection/contact-index';

/** `erased`: a cancelled account's tombstone; its id stays taken, every personal field is gone. */
export const USER_STATUSES = ['pending', 'active', 'erased'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const millis = { type: 'datetime' as const, precision: 3 };

/** An account. Phone and email are stored encrypted; lookups and uniqueness go through their blind indexes. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();

  /** Lower-cased; optional third way to sign in. */
  @Column({ type: 'varchar', length: 32, nullable: true }) username: string | null = null;

  @Column({ type: 'varchar', length: 64 }) nickname = '';

  @EncryptedColumn({ name: 'phone', nullable: true }) phone: string | null = null;
  @BlindIndexColumn({
    name: 'phone_bidx',
    source: 'phone',
    kind: 'phone',
    keyId: CONTACT_INDEX_KEY_ID,
    nullable: true,
  })
  phoneBidx: string | null = null;

  @EncryptedColumn({ name: 'email', nullable: true }) email: string | null = null;
  @BlindIndexColumn({
    name: 'email_bidx',
    source: 'email',
    kind: 'email',
    keyId: CONTACT_INDEX_KEY_ID,
    nullable: true,
  })
  emailBidx: string | null = null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash = '';

  @Column({ type: 'varchar', length: 16 }) status: UserStatus = 'pending';

  @Column({ type: 'simple-json' }) roles: PlatformRole[] = ['candidate'];

  @EncryptedColumn({ name: 'full_name', nullable: true }) fullName: string | null = null;
  @Column({ name: 'job_title', type: 'varchar', length: 64, nullable: true }) jobTitle: string | null = null;
  @Column({ type: 'varchar', length: 128, nullable: true }) company: string | null = null;
  @Column({ type: 'varchar', length: 64, nullable: true }) education: string | null = null;

  @Column({ name: 'failed_logins', type: 'int' }) failedLogins = 0;
  @Column({ name: 'last_failed_at', ...millis, nullable: true }) lastFailedAt: Date | null = null;
  @Column({ name: 'locked_until', ...millis, nullable: true }) lockedUntil: Date | null = null;

  /** Set by a security decision (audit block, staff lock); only an explicit unlock clears it. */
  @Column({ name: 'review_locked_at', ...millis, nullable: true }) reviewLockedAt: Date | null = null;
  @Column({ name: 'review_lock_reason', type: 'varchar', length: 32, nullable: true }) reviewLockReason:
    string | null = null;
  /** The next password sign-in must also prove the phone or email with a one-time code. */
  @Column({ name: 'step_up_required', type: 'boolean' }) stepUpRequired = false;

  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
  @Column({ name: 'activated_at', ...millis, nullable: true }) activatedAt: Date | null = null;
  @Column({ name: 'erased_at', ...millis, nullable: true }) erasedAt: Date | null = null;
}
