import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import { RegistrationRepository } from './registration.repository';
import { RegistrationsService } from './registrations.service';

/**
 * Account cancellation: live registrations end (seat released, a paid fee refunded) and every registration
 * keeps only its numbers and states, without form answers or the masked identity.
 */
@Injectable()
export class RegistrationErasureService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly lifecycle: RegistrationsService,
    private readonly candidates: VerifiedCandidateService,
    private readonly clock: Clock,
  ) {}

  async erase(tx: EntityManager, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.candidates.forget(tx, userId);
    for (const registration of await this.registrations.lockAllOfUser(tx, userId)) {
      if (registration.active !== null)
        await this.lifecycle.end(tx, registration, 'cancelled', 'candidate', now);
      await this.registrations.erasePersonalData(tx, registration, now);
    }
  }
}
