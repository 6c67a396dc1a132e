import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';

import { FaceAttemptsExhaustedError } from './face.errors';
import { FACE_DAILY_FAILURE_LIMIT } from './face.policy';
import { utcDay } from './face.policy';
import { FaceVerificationRepository } from './face-verification.repository';

/** Daily failure budget per user and purpose: after the limit the purpose locks until the next UTC day. */
@Injectable()
export class FaceAttemptsService {
  constructor(private readonly verifications: FaceVerificationRepository) {}

  async assertAllowed(userId: string, purpose: FaceCheckPurpose, at: Date): Promise<void> {
    const failures = await this.verifications.countCountingFailures(userId, purpose, utcDay(at));
    if (failures >= FACE_DAILY_FAILURE_LIMIT)
      throw new FaceAttemptsExhaustedError(purpose, FACE_DAILY_FAILURE_LIMIT);
  }
}
