import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { FaceAttemptsExhaustedError } from './face.errors';
import { FACE_DAILY_FAILURE_LIMIT, utcDay } from './face.policy';
import { FaceAttemptBudgetRepository, type FaceAttemptKey } from './face-attempt-budget.repository';

/**
 * Daily failure budget per user and purpose: after the limit the purpose locks until the next UTC day. A check
 * reserves its slot atomically before the model runs and gives it back unless it ends as a counted failure, so
 * the limit holds for parallel answers too.
 */
@Injectable()
export class FaceAttemptsService {
  constructor(private readonly budgets: FaceAttemptBudgetRepository) {}

  async assertAllowed(userId: string, purpose: FaceCheckPurpose, at: Date): Promise<void> {
    if ((await this.budgets.used({ userId, purpose, day: utcDay(at) })) >= FACE_DAILY_FAILURE_LIMIT)
      throw new FaceAttemptsExhaustedError(purpose, FACE_DAILY_FAILURE_LIMIT);
  }

  /** Takes a slot for one check (429 when none is left); give it back with `release` unless the check failed. */
  async reserve(userId: string, purpose: FaceCheckPurpose, at: Date): Promise<FaceAttemptKey> {
    const key = { userId, purpose, day: utcDay(at) };
    if (!(await this.budgets.reserve(key, FACE_DAILY_FAILURE_LIMIT)))
      throw new FaceAttemptsExhaustedError(purpose, FACE_DAILY_FAILURE_LIMIT);
    return key;
  }

  release(key: FaceAttemptKey, tx?: EntityManager): Promise<void> {
    return this.budgets.release(key, tx);
  }
}
