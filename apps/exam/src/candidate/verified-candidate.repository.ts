import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { In, Repository } from 'typeorm';

import { VerifiedCandidateEntity } from './verified-candidate.entity';

@Injectable()
export class VerifiedCandidateRepository {
  constructor(
    @InjectRepository(VerifiedCandidateEntity)
    private readonly candidates: Repository<VerifiedCandidateEntity>,
  ) {}

  find(userId: string): Promise<VerifiedCandidateEntity | null> {
    return this.candidates.findOne({ where: { userId } });
  }

  findMany(userIds: readonly string[]): Promise<VerifiedCandidateEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.candidates.find({ where: { userId: In([...userIds]) } });
  }

  /**
   * Keeps the newest verification per user, whatever order events arrive in. Raw SQL: an
   * INSERT … ON DUPLICATE KEY UPDATE upsert guarded by the verification time.
   */
  async upsert(tx: EntityManager, c: VerifiedCandidateEntity): Promise<void> {
    await tx.query(
      `INSERT INTO verified_candidates (user_id, verification_id, masked_name, masked_id_number, minor, face_verified, verified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         verification_id = IF(VALUES(verified_at) >= verified_at, VALUES(verification_id), verification_id),
         masked_name = IF(VALUES(verified_at) >= verified_at, VALUES(masked_name), masked_name),
         masked_id_number = IF(VALUES(verified_at) >= verified_at, VALUES(masked_id_number), masked_id_number),
         minor = IF(VALUES(verified_at) >= verified_at, VALUES(minor), minor),
         face_verified = IF(VALUES(verified_at) >= verified_at, VALUES(face_verified), face_verified),
         verified_at = GREATEST(verified_at, VALUES(verified_at))`,
      [
        c.userId,
        c.verificationId,
        c.maskedName,
        c.maskedIdNumber,
        c.minor ? 1 : 0,
        c.faceVerified ? 1 : 0,
        c.verifiedAt,
      ],
    );
  }

  async delete(tx: EntityManager, userId: string): Promise<void> {
    await tx.getRepository(VerifiedCandidateEntity).delete({ userId });
  }
}
