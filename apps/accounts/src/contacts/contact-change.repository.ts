import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { purgeBefore, type PurgeLimits } from '../database/purge';
import { ContactChangeEntity } from './contact-change.entity';

/** Persistence of pending contact changes: at most one per user. */
@Injectable()
export class ContactChangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest request replaces any earlier one of the user. */
  async replace(tx: EntityManager, change: ContactChangeEntity): Promise<void> {
    await tx.delete(ContactChangeEntity, { userId: change.userId });
    await tx.save(change);
  }

  async findOfUser(tx: EntityManager, userId: string): Promise<ContactChangeEntity | null> {
    return tx.findOneBy(ContactChangeEntity, { userId });
  }

  async deleteOfUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(ContactChangeEntity, { userId });
  }

  /** Retention: changes requested before the cutoff (their code has expired). */
  async purgeRequestedBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    return purgeBefore(this.dataSource, { table: 'contact_changes', column: 'requested_at' }, cutoff, limits);
  }
}
