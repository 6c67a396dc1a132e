import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { GuardianConsentEntity } from './guardian-consent.entity';

/** Guardians' consents for children under 14 (guardian_consents). */
@Injectable()
export class GuardianConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByChild(childUserId: string): Promise<GuardianConsentEntity[]> {
    return this.dataSource.getRepository(GuardianConsentEntity).findBy({ childUserId });
  }

  async save(tx: EntityManager, consent: GuardianConsentEntity): Promise<void> {
    await tx.save(consent);
  }

  async deleteByChild(tx: EntityManager, childUserId: string): Promise<void> {
    await tx.delete(GuardianConsentEntity, { childUserId });
  }
}
