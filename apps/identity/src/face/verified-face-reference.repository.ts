import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { VerifiedFaceReferenceEntity } from './verified-face-reference.entity';

/** The authority-verified face of each face-verified real-name user (verified_face_references), one per user. */
@Injectable()
export class VerifiedFaceReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUser(userId: string, tx?: EntityManager): Promise<VerifiedFaceReferenceEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(VerifiedFaceReferenceEntity, { userId });
  }

  /** Inside the real-name verification's transaction; a later face-verified attempt replaces the reference. */
  async save(tx: EntityManager, reference: VerifiedFaceReferenceEntity): Promise<void> {
    await tx.save(reference);
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(VerifiedFaceReferenceEntity, { userId });
  }
}
