import { randomUUID } from 'node:crypto';

import { EventPublisher } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AUTHORITY_PROVIDER, type AuthorityProvider } from '../authority/authority.provider';
import { GuardianConsentEntity, type GuardianRelationship } from './guardian-consent.entity';
import { GuardianConsentRepository } from './guardian-consent.repository';
import { AuthorityUnavailableError, GuardianVerificationFailedError } from './real-name.errors';
import type { ValidatedPerson } from './real-name-input';
import { attemptRecord } from './verification-attempt.entity';
import { VerificationAttemptRepository } from './verification-attempt.repository';

export interface GuardianToVerify {
  readonly person: ValidatedPerson;
  readonly relationship: GuardianRelationship;
}

/** Verifiable guardian consent for a child under 14: the guardian's own authority check, then the consent. */
@Injectable()
export class GuardianConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consents: GuardianConsentRepository,
    private readonly attempts: VerificationAttemptRepository,
    private readonly events: EventPublisher,
    @Inject(AUTHORITY_PROVIDER) private readonly authority: AuthorityProvider,
  ) {}

  async obtainConsent(
    childUserId: string,
    guardian: GuardianToVerify,
    day: string,
  ): Promise<GuardianConsentEntity> {
    const attemptId = randomUUID();
    // The guardian's own card period is not collected (minimum collection): the check is name + ID number.
    const decision = await this.authority.check({
      requestId: attemptId,
      name: guardian.person.name,
      idNumber: guardian.person.idNumber.value,
    });
    await this.attempts.add(attemptRecord(attemptId, childUserId, 'guardian', day, decision));
    if (decision.result === 'rate_limited' || decision.result === 'provider_error')
      throw new AuthorityUnavailableError(decision.result);
    if (decision.result !== 'match') throw new GuardianVerificationFailedError(decision.result);
    const consent = Object.assign(new GuardianConsentEntity(), {
      childUserId,
      guardianName: guardian.person.name,
      guardianIdNumber: guardian.person.idNumber.value,
      relationship: guardian.relationship,
      attemptId,
    });
    await this.dataSource.transaction(async (tx) => {
      await this.consents.save(tx, consent);
      await this.events.stage(tx, 'identity.guardian_consent.recorded', {
        subjectId: childUserId,
        payload: {
          childUserId,
          consentId: consent.id,
          relationship: consent.relationship,
          guardianVerificationId: attemptId,
        },
      });
    });
    return consent;
  }
}
