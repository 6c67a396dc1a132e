import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { VerificationAttemptEntity } from './verification-attempt.entity';

/** Authority calls and their decisions (verification_attempts). */
@Injectable()
export class VerificationAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, attempt: VerificationAttemptEntity): Promise<void> {
    await tx.insert(VerificationAttemptEntity, attempt);
  }

  /** Records an attempt on its own (no other write depends on it). */
  async add(attempt: VerificationAttemptEntity): Promise<void> {
    await this.dataSource.getRepository(VerificationAttemptEntity).insert(attempt);
  }

  findByProviderRef(providerRef: string): Promise<VerificationAttemptEntity | null> {
    return this.dataSource.getRepository(VerificationAttemptEntity).findOneBy({ providerRef });
  }

  async markNotified(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(VerificationAttemptEntity).update({ id }, { notifiedAt: at });
  }

  /** Retention: calls made at or before `cutoff` that no verified record or guardian consent names as proof. */
  purgeOlderThan(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      {
        table: 'verification_attempts',
        column: 'created_at',
        where:
          'NOT EXISTS (SELECT 1 FROM real_name_records r WHERE r.attempt_id = verification_attempts.id)' +
          ' AND NOT EXISTS (SELECT 1 FROM guardian_consents g WHERE g.attempt_id = verification_attempts.id)',
        ...limits,
      },
      cutoff,
    );
  }
}
