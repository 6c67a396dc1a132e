import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { FaceImagePolicyEntity } from './face-image-policy.entity';

/** Institutions' raw-image policies (face_image_policies), one row per institution that set one. */
@Injectable()
export class FaceImagePolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByInstitution(institutionId: string): Promise<FaceImagePolicyEntity | null> {
    return this.dataSource.getRepository(FaceImagePolicyEntity).findOneBy({ institutionId });
  }

  async upsert(tx: EntityManager, policy: FaceImagePolicyEntity): Promise<void> {
    await tx.upsert(FaceImagePolicyEntity, policy, ['institutionId']);
  }
}
