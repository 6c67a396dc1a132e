import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityEnv } from '../config/identity.env';
import { FaceEnrolmentService } from '../face/face-enrolment.service';
import { calendarDateIn, formatDate } from '../id-number';
import { AttemptBudgetRepository } from './attempt-budget.repository';
import { RealNameFaceChallengeRepository } from './face/real-name-face-challenge.repository';
import { GuardianConsentRepository } from './guardian-consent.repository';
import { type GuardianIdentifiers, guardianMatches } from './guardian-match';
import {
  AttemptBudgetExhaustedError,
  GuardianConsentNotFoundError,
  GuardianMismatchError,
} from './real-name.errors';
import { validatePerson } from './real-name-input';
import { RealNameRecordRepository } from './real-name-record.repository';

export interface GuardianConsentWithdrawal {
  readonly consentId: string;
  readonly withdrawnAt: Date;
}

/**
 * A guardian withdraws consent to processing a child's data (under 14). The guardian proves it is them by
 * entering their name and ID number again on the child's account; they are compared with the encrypted guardian
 * record of the consent. Then processing stops: the child's real-name record and face data are erased, the
 * consent is deleted (the account is back to "awaiting guardian consent"), and an event tells other services.
 */
@Injectable()
export class GuardianConsentWithdrawalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consents: GuardianConsentRepository,
    private readonly records: RealNameRecordRepository,
    private readonly challenges: RealNameFaceChallengeRepository,
    private readonly events: EventPublisher,
    private readonly env: IdentityEnv,
    private readonly budget: AttemptBudgetRepository,
    private readonly faces: FaceEnrolmentService,
    private readonly clock: Clock,
  ) {}

  async withdraw(childUserId: string, presented: GuardianIdentifiers): Promise<GuardianConsentWithdrawal> {
    const now = this.clock.now();
    // Malformed identifiers are a 400 naming the rule, before anything is looked up or counted.
    const guardian = validatePerson(
      presented.name,
      presented.idNumber,
      'guardianName',
      'guardianIdNumber',
      now,
    );
    const consents = await this.consents.findByChild(childUserId);
    if (consents.length === 0) throw new GuardianConsentNotFoundError();
    // Every try costs one of the day's real-name attempts, so the guardian's number cannot be guessed at leisure.
    const left = await this.budget.reserve(
      childUserId,
      formatDate(calendarDateIn(now)),
      1,
      this.env.REAL_NAME_DAILY_ATTEMPTS,
    );
    if (left === undefined) throw new AttemptBudgetExhaustedError(this.env.REAL_NAME_DAILY_ATTEMPTS);
    const presentedIds = { name: guardian.name, idNumber: guardian.idNumber.value };
    const consent = consents.find((c) =>
      guardianMatches({ name: c.guardianName, idNumber: c.guardianIdNumber }, presentedIds),
    );
    if (consent === undefined) throw new GuardianMismatchError(left);

    await this.dataSource.transaction(async (tx) => {
      await this.consents.deleteByChild(tx, childUserId);
      await this.records.deleteByUser(tx, childUserId);
      await this.faces.forgetVerifiedFace(tx, childUserId);
      await this.challenges.deleteByUser(tx, childUserId);
      await this.faces.eraseBiometrics(tx, childUserId);
      await this.events.stage(tx, 'identity.guardian_consent.withdrawn', {
        subjectId: childUserId,
        payload: {
          childUserId,
          consentId: consent.id,
          relationship: consent.relationship,
          withdrawnAt: now.toISOString(),
        },
      });
    });
    return { consentId: consent.id, withdrawnAt: now };
  }
}
