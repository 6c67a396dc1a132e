import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';

import { FaceAttemptsExhaustedError } from './face.errors';
import { FACE_DAILY_FAILURE_LIMIT } from './face.policy';
import { utcDay } from './face.policy';
import { FaceVerificationEntity } from './face-verification.entity';

/** Daily failure budget per user and purpose: after the limit the purpose locks until the next UTC day. */
@Injectable()
export class FaceAttemptsService {
  constructor(private readonly dataSource: DataSource) {}

  async assertAllowed(userId: string, purpose: FaceCheckPurpose, at: Date): Promise<void> {
    const failures = await this.dataSource
      .getRepository(FaceVerificationEntity)
      .countBy({ userId, purpose, day: utcDay(at), outcome: Not('passed'), overturnedAt: IsNull() });
    if (failures >= FACE_DAILY_FAILURE_LIMIT)
      throw new FaceAttemptsExhaustedError(purpose, FACE_DAILY_FAILURE_LIMIT);
  }
}
