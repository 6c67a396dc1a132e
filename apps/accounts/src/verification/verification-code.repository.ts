import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { purgeBefore, type PurgeLimits } from '../database/purge';
import { type CodePurpose, VerificationCodeEntity } from './verification-code.entity';

/** Persistence of one-time codes: one live code per user and purpose, stored as a keyed hash. */
@Injectable()
export class VerificationCodeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's code for a purpose, locked for update (issuing replaces it, consuming counts attempts). */
  async lockOf(
    tx: EntityManager,
    userId: string,
    purpose: CodePurpose,
  ): Promise<VerificationCodeEntity | null> {
    return tx.findOne(VerificationCodeEntity, {
      where: { userId, purpose },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async findById(
    tx: EntityManager,
    id: string,
    purpose: CodePurpose,
  ): Promise<VerificationCodeEntity | null> {
    return tx.findOneBy(VerificationCodeEntity, { id, purpose });
  }

  async save(tx: EntityManager, code: VerificationCodeEntity): Promise<void> {
    await tx.save(code);
  }

  /** Hands a code row (its cooldown and daily counters) to another user id: a registration started over. */
  async moveToUser(
    tx: EntityManager,
    fromUserId: string,
    toUserId: string,
    purpose: CodePurpose,
  ): Promise<void> {
    await tx.update(VerificationCodeEntity, { userId: fromUserId, purpose }, { userId: toUserId });
  }

  /** Marks the user's code of a purpose used; call after a check in the same transaction (the row is locked). */
  async markConsumed(tx: EntityManager, userId: string, purpose: CodePurpose, now: Date): Promise<void> {
    await tx.update(VerificationCodeEntity, { userId, purpose }, { consumedAt: now });
  }

  /** Consumes a live code by its id in one conditional update; false when it was consumed or expired meanwhile. */
  async consumeLiveById(tx: EntityManager, id: string, purpose: CodePurpose, now: Date): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(VerificationCodeEntity)
      .set({ consumedAt: now })
      .where('id = :id AND purpose = :purpose AND consumed_at IS NULL AND expires_at > :now', {
        id,
        purpose,
        now,
      })
      .execute();
    return result.affected === 1;
  }

  async listOfUser(tx: EntityManager, userId: string): Promise<VerificationCodeEntity[]> {
    return tx.findBy(VerificationCodeEntity, { userId });
  }

  async deleteAllOfUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(VerificationCodeEntity, { userId });
  }

  /** Retention: codes of users that no longer exist (registrations just deleted). */
  async deleteOrphaned(tx: EntityManager, userIds: readonly string[]): Promise<void> {
    // Raw SQL: set-based bulk delete with a subquery the ORM cannot say.
    await tx.query(
      'DELETE FROM verification_codes WHERE user_id IN (?) AND user_id NOT IN (SELECT id FROM users)',
      [userIds],
    );
  }

  /** Retention: codes that expired, and codes used, before the cutoff. */
  async purgeEndedBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    return (
      (await purgeBefore(
        this.dataSource,
        { table: 'verification_codes', column: 'expires_at' },
        cutoff,
        limits,
      )) +
      (await purgeBefore(
        this.dataSource,
        { table: 'verification_codes', column: 'consumed_at' },
        cutoff,
        limits,
      ))
    );
  }
}
