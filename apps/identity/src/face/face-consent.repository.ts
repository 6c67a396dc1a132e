import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { FaceConsentEntity } from './face-consent.entity';

export interface FaceConsentState {
  readonly userId: string;
  readonly policyVersion: string;
  readonly grantedAt: Date;
  readonly withdrawnAt: Date | null;
}

/** The local projection of face-biometrics consent (face_consents), one row per user. */
@Injectable()
export class FaceConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUser(userId: string, tx?: EntityManager): Promise<FaceConsentEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(FaceConsentEntity, { userId });
  }

  /** Inserts or replaces the user's consent row; inside the caller's transaction when one is given. */
  async upsert(state: FaceConsentState, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).upsert(FaceConsentEntity, state, ['userId']);
  }

  async markWithdrawn(tx: EntityManager, userId: string, at: Date): Promise<void> {
    await tx.update(FaceConsentEntity, { userId }, { withdrawnAt: at });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceConsentEntity, { userId });
  }
}
