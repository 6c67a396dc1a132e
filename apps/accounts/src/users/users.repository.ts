import type { ContactKind } from '@exam/contracts';
import { FieldEncryptionSubscriber } from '@exam/crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere, In } from 'typeorm';

import { canonicalLogin, loginKindOf } from './contact';
import { UserEntity } from './user.entity';

interface Deleted {
  readonly affectedRows?: number;
}

/**
 * Persistence of accounts (users), pending registrations included. Contacts are encrypted: lookups by the
 * identifiers people type go through their blind indexes.
 */
@Injectable()
export class UsersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fieldEncryption: FieldEncryptionSubscriber,
  ) {}

  async findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** The user row in the caller's transaction, without a lock. */
  async findByIdIn(tx: EntityManager, id: string): Promise<UserEntity | null> {
    return tx.findOneBy(UserEntity, { id });
  }

  /** The user row locked for update until the caller's transaction ends. */
  async lockById(tx: EntityManager, id: string): Promise<UserEntity | null> {
    return tx.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findByLogin(login: string): Promise<UserEntity | null> {
    const canonical = canonicalLogin(login);
    let where: FindOptionsWhere<UserEntity>;
    switch (loginKindOf(login.trim())) {
      case 'email':
        where = this.byContact('email', canonical);
        break;
      case 'phone':
        where = this.byContact('phone', canonical);
        break;
      case 'username':
        where = { username: canonical };
        break;
    }
    return this.dataSource.manager.findOne(UserEntity, { where });
  }

  /** Whoever holds this normalized phone or email, active or pending. */
  async findByContact(tx: EntityManager, kind: ContactKind, value: string): Promise<UserEntity | null> {
    return tx.findOne(UserEntity, { where: this.byContact(kind, value) });
  }

  /** Inserts or updates the whole row; the encryption subscriber re-encrypts contacts and their blind indexes. */
  async save(tx: EntityManager, user: UserEntity): Promise<void> {
    await tx.save(user);
  }

  /** Deletes a registration never completed (a new one for the same contact replaces it). */
  async deletePending(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(UserEntity, { id, status: 'pending' });
  }

  /** Plain columns only (never the encrypted ones), so a direct update is safe and skips a reload. */
  async update(tx: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await tx.update(UserEntity, { id }, changes);
  }

  /** Ends a lock set by a risk decision (never one set by staff): the owner proved a contact, an attacker cannot. */
  async clearRiskLock(tx: EntityManager, id: string): Promise<void> {
    await tx.update(
      UserEntity,
      { id, reviewLockReason: 'risk_block' },
      { reviewLockedAt: null, reviewLockReason: null },
    );
  }

  async nicknamesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: { id: In([...ids]) },
      select: { id: true, nickname: true },
    });
    return new Map(users.map((u) => [u.id, u.nickname]));
  }

  /**
   * Erasure. Raw SQL: a plain UPDATE with NULLs, so the field-encryption subscriber has nothing to do, and the blind
   * indexes go with the values, which frees the phone, email and user name for a new registration.
   */
  async anonymize(tx: EntityManager, id: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE users SET username = NULL, nickname = '', phone = NULL, phone_bidx = NULL, email = NULL, email_bidx = NULL,
              password_hash = '', full_name = NULL, job_title = NULL, company = NULL, education = NULL, roles = '[]',
              failed_logins = 0, last_failed_at = NULL, locked_until = NULL, review_locked_at = NULL, review_lock_reason = NULL,
              step_up_required = 0, status = 'erased', erased_at = ?
        WHERE id = ?`,
      [now, id],
    );
  }

  /** Retention: ids of registrations never completed and sent no code since the cutoff, oldest first. */
  async findAbandonedRegistrations(tx: EntityManager, cutoff: Date, limit: number): Promise<string[]> {
    // Raw SQL: bulk retention read with a correlated NOT EXISTS the ORM cannot say.
    const rows: { id: string }[] = await tx.query(
      `SELECT u.id FROM users u
          WHERE u.status = 'pending' AND u.created_at < ?
            AND NOT EXISTS (SELECT 1 FROM verification_codes c WHERE c.user_id = u.id AND c.sent_at >= ?)
          ORDER BY u.created_at LIMIT ?`,
      [cutoff, cutoff, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes those registrations, re-checking inside the statement (a locking read), so a registration restarted
   * meanwhile (new code, row locked by the registration) survives. Returns the rows deleted.
   */
  async deleteAbandonedRegistrations(
    tx: EntityManager,
    ids: readonly string[],
    cutoff: Date,
  ): Promise<number> {
    // Raw SQL: set-based bulk delete with the same correlated condition.
    const deleted: Deleted = await tx.query(
      `DELETE FROM users WHERE id IN (?) AND status = 'pending'
            AND NOT EXISTS (SELECT 1 FROM verification_codes c WHERE c.user_id = users.id AND c.sent_at >= ?)`,
      [ids, cutoff],
    );
    return deleted.affectedRows ?? 0;
  }

  private byContact(kind: ContactKind, value: string): FindOptionsWhere<UserEntity> {
    return this.fieldEncryption.blindIndexWhere(UserEntity, kind, value);
  }
}
