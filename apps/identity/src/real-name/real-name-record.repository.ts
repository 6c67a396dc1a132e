import { type FieldContext, type FieldProtection, isCryptoError } from '@exam/crypto';
import { FIELD_PROTECTION } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { RealNameRecordEntity } from './real-name-record.entity';

/** The AAD names the field-encryption subscriber binds (service/table/column), as IdNumberIndex's domain does. */
const AAD_SERVICE = 'identity';
const TABLE = 'real_name_records';
const ENCRYPTED_COLUMNS = ['name', 'id_number'] as const;

interface LegacyRow {
  readonly id: string;
  readonly user_id: string;
  readonly name: string;
  readonly id_number: string;
}

/** Verified real names (real_name_records): one per user and one per ID number (unique blind index). */
@Injectable()
export class RealNameRecordRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FIELD_PROTECTION) private readonly protection: FieldProtection,
  ) {}

  existsForUser(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(RealNameRecordEntity).existsBy({ userId });
  }

  /** The user's record, decrypted with the owner bound into the AAD (an older row of theirs is re-encrypted first). */
  async findByUser(userId: string, tx?: EntityManager): Promise<RealNameRecordEntity | null> {
    await this.bindOwners({ userId }, tx);
    return (tx ?? this.dataSource.manager).findOneBy(RealNameRecordEntity, { userId });
  }

  /**
   * Re-encrypts rows written before the owner was bound into the AAD (row-only AAD) with the owner bound, up to
   * `limit` rows after `afterId` (keyset order), or the one row of `userId`. Returns the ids looked at and those
   * that did not decrypt (left as they are: the ORM refuses them too), so a sweep goes on past them. The old AAD
   * form is accepted here only, for rows still marked `owner_bound = 0`; the sweep at startup leaves none.
   */
  async bindOwners(
    scope: { readonly userId?: string; readonly afterId?: string; readonly limit?: number },
    tx?: EntityManager,
  ): Promise<{
    readonly seen: readonly string[];
    readonly bound: number;
    readonly failed: readonly string[];
  }> {
    const manager = tx ?? this.dataSource.manager;
    // Raw SQL: the stored ciphertext is read as is; an ORM load would decrypt with the owner-bound AAD and fail.
    const rows: LegacyRow[] = await manager.query(
      scope.userId === undefined
        ? `SELECT id, user_id, name, id_number FROM ${TABLE} WHERE owner_bound = 0 AND id > ? ORDER BY id LIMIT ?`
        : `SELECT id, user_id, name, id_number FROM ${TABLE} WHERE owner_bound = 0 AND user_id = ?`,
      scope.userId === undefined ? [scope.afterId ?? '', scope.limit ?? 100] : [scope.userId],
    );
    let bound = 0;
    const failed: string[] = [];
    for (const row of rows) {
      let name: string | undefined;
      let idNumber: string | undefined;
      try {
        [name, idNumber] = ENCRYPTED_COLUMNS.map((column) => {
          const context: FieldContext = { service: AAD_SERVICE, table: TABLE, column, rowId: row.id };
          const plaintext = this.protection.cipher.decrypt(row[column], context);
          return this.protection.cipher.encrypt(plaintext, { ...context, tenantId: row.user_id });
        });
      } catch (error: unknown) {
        if (!isCryptoError(error)) throw error;
        failed.push(row.id);
        continue;
      }
      // Raw SQL: the new ciphertext is written as is (the subscriber would encrypt it again); the flag guard makes
      // a concurrent re-encryption of the same row write once.
      const result: { affectedRows?: number } = await manager.query(
        `UPDATE ${TABLE} SET name = ?, id_number = ?, owner_bound = 1 WHERE id = ? AND owner_bound = 0`,
        [name, idNumber, row.id],
      );
      bound += result.affectedRows ?? 0;
    }
    return { seen: rows.map((row) => row.id), bound, failed };
  }

  /** The user holding the ID number with this blind index, or null. */
  async holderOf(idNumberBidx: string, tx?: EntityManager): Promise<{ id: string; userId: string } | null> {
    return (tx ?? this.dataSource.manager).findOne(RealNameRecordEntity, {
      where: { idNumberBidx },
      select: { id: true, userId: true },
    });
  }

  async insert(tx: EntityManager, record: RealNameRecordEntity): Promise<void> {
    await tx.insert(RealNameRecordEntity, record);
  }

  /**
   * Marks the user's record face-verified; false when it already was (or there is none), so of two parallel face
   * steps only one adopts its capture. Raw SQL: the conditional UPDATE is the claim.
   */
  async markFaceVerified(tx: EntityManager, userId: string): Promise<boolean> {
    const result: { affectedRows?: number } = await tx.query(
      `UPDATE ${TABLE} SET face_verified = 1 WHERE user_id = ? AND face_verified = 0`,
      [userId],
    );
    return (result.affectedRows ?? 0) === 1;
  }

  async deleteById(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(RealNameRecordEntity, { id });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(RealNameRecordEntity, { userId });
  }
}

/** Whether an insert lost a race on a unique key (two accounts verifying one ID number at once). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof QueryFailedError && /ER_DUP_ENTRY|Duplicate entry/.test(error.message);
}
