import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { VerifiedCandidateEntity } from './verified-candidate.entity';
import { VerifiedCandidateRepository } from './verified-candidate.repository';

export interface VerificationOutcome {
  readonly userId: string;
  readonly verificationId: string;
  readonly result: string;
  readonly maskedName: string;
  readonly maskedIdNumber: string;
  readonly minor: boolean;
  /** Absent in events published before identity sent it: not face-verified. */
  readonly faceVerified?: boolean;
  readonly occurredAt: Date;
}

/** Exam's view of real-name verification: who is verified, with the masked values identity published. */
@Injectable()
export class VerifiedCandidateService {
  constructor(private readonly candidates: VerifiedCandidateRepository) {}

  async apply(tx: EntityManager, outcome: VerificationOutcome): Promise<void> {
    // Only a match verifies; a failed later attempt does not undo an earlier verification.
    if (outcome.result !== 'match') return;
    await this.candidates.upsert(
      tx,
      Object.assign(new VerifiedCandidateEntity(), {
        userId: outcome.userId,
        verificationId: outcome.verificationId,
        maskedName: outcome.maskedName,
        maskedIdNumber: outcome.maskedIdNumber,
        minor: outcome.minor,
        faceVerified: outcome.faceVerified === true,
        verifiedAt: outcome.occurredAt,
      }),
    );
  }

  find(userId: string): Promise<VerifiedCandidateEntity | null> {
    return this.candidates.find(userId);
  }

  /** The masked names identity published, by user id (users without a verification are absent). */
  async maskedNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const found: VerifiedCandidateEntity[] = [];
    for (let i = 0; i < userIds.length; i += 500)
      found.push(...(await this.candidates.findMany(userIds.slice(i, i + 500))));
    return new Map(found.map((c) => [c.userId, c.maskedName]));
  }

  /** The verification no longer holds (account erased, verification revoked on appeal, guardian consent withdrawn). */
  async forget(tx: EntityManager, userId: string): Promise<void> {
    await this.candidates.delete(tx, userId);
  }
}
