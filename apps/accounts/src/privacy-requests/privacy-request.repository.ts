import { PersonalDataRevealEntity } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { PrivacyRequestEntity } from './privacy-request.entity';

/** Persistence of data subjects' requests, and the reads of who saw their data in full. */
@Injectable()
export class PrivacyRequestRepository {
  async insert(tx: EntityManager, request: PrivacyRequestEntity): Promise<void> {
    await tx.insert(PrivacyRequestEntity, request);
  }

  async listOfUser(tx: EntityManager, userId: string, take: number): Promise<PrivacyRequestEntity[]> {
    return tx.find(PrivacyRequestEntity, { where: { userId }, order: { requestedAt: 'DESC' }, take });
  }

  /** Reveals of the user's data (the platform's reveal log kept in this service's database), newest first. */
  async revealsOf(tx: EntityManager, userId: string, take: number): Promise<PersonalDataRevealEntity[]> {
    return tx.find(PersonalDataRevealEntity, {
      where: { subjectId: userId },
      order: { revealedAt: 'DESC' },
      take,
    });
  }
}
