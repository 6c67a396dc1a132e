import type { ConsentPurpose } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { ConsentEntity } from './consent.entity';
import { ConsentChangeEntity } from './consent-change.entity';

/** Persistence of a user's consents: the current choice per purpose and the history of real changes. */
@Injectable()
export class ConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isGranted(tx: EntityManager, userId: string, purpose: ConsentPurpose): Promise<boolean> {
    return tx.existsBy(ConsentEntity, { userId, purpose, granted: true });
  }

  async listOfUser(userId: string): Promise<ConsentEntity[]> {
    return this.dataSource.getRepository(ConsentEntity).findBy({ userId });
  }

  async listOfUserIn(tx: EntityManager, userId: string): Promise<ConsentEntity[]> {
    return tx.findBy(ConsentEntity, { userId });
  }

  async lockOne(tx: EntityManager, userId: string, purpose: ConsentPurpose): Promise<ConsentEntity | null> {
    return tx.findOne(ConsentEntity, { where: { userId, purpose }, lock: { mode: 'pessimistic_write' } });
  }

  /** The new current choice and its history row. */
  async record(tx: EntityManager, consent: ConsentEntity, change: ConsentChangeEntity): Promise<void> {
    await tx.save(consent);
    await tx.insert(ConsentChangeEntity, change);
  }

  async historyOfUser(tx: EntityManager, userId: string, take: number): Promise<ConsentChangeEntity[]> {
    return tx.find(ConsentChangeEntity, { where: { userId }, order: { changedAt: 'DESC' }, take });
  }

  async deleteAllOfUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(ConsentEntity, { userId });
    await tx.delete(ConsentChangeEntity, { userId });
  }
}
