import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { FaceTemplateEntity } from './face-template.entity';
import { FaceCaptureFingerprintEntity } from './liveness/face-capture-fingerprint.entity';

/** Enrolled face templates (face_templates), one per user. */
@Injectable()
export class FaceTemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUser(userId: string): Promise<FaceTemplateEntity | null> {
    return this.dataSource.getRepository(FaceTemplateEntity).findOneBy({ userId });
  }

  /** Inside the caller's transaction when one is given (enrolment re-checks there). */
  existsForUser(userId: string, tx?: EntityManager): Promise<boolean> {
    return (tx ?? this.dataSource.manager).existsBy(FaceTemplateEntity, { userId });
  }

  async save(tx: EntityManager, template: FaceTemplateEntity): Promise<void> {
    await tx.save(template);
  }

  /** The replay fingerprints of accepted captures are biometric data of the template and go with it. */
  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceTemplateEntity, { userId });
    await tx.delete(FaceCaptureFingerprintEntity, { userId });
  }
}
