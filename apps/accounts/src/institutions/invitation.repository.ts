import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { purgeBefore, type PurgeLimits } from '../database/purge';
import { InvitationEntity } from './invitation.entity';

/** Persistence of staff invitations (the token itself is only stored hashed). */
@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(invitation: InvitationEntity): Promise<void> {
    await this.dataSource.getRepository(InvitationEntity).save(invitation);
  }

  async lockByTokenHash(tx: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return tx.findOne(InvitationEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: EntityManager, invitation: InvitationEntity): Promise<void> {
    await tx.save(invitation);
  }

  /** Erasure: accepted invitations carry the user's phone or email (encrypted). */
  async deleteAcceptedBy(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(InvitationEntity, { acceptedBy: userId });
  }

  /** Retention: invitations nobody accepted that expired before the cutoff. */
  async purgeExpiredBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    return purgeBefore(
      this.dataSource,
      { table: 'invitations', column: 'expires_at', where: 'accepted_at IS NULL' },
      cutoff,
      limits,
    );
  }
}
