import {
  Clock,
  type FaceCheckClaims,
  FaceCheckTokenRejectedError,
  FaceCheckTokenVerifier,
  parseFaceCheckPublicKeys,
} from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import type { FaceCheckResult } from './domain/proctoring-event';

export type PeriodicCheck =
  | { readonly result: 'passed'; readonly claims: FaceCheckClaims }
  | { readonly result: Exclude<FaceCheckResult, 'passed' | 'replayed'>; readonly claims: null };

/**
 * Judges periodic face checks offline with identity's public keys, like the check at the start: a token of
 * purpose exam_proctor, for this exam and this user, current and genuine. A refused token is a failed check
 * (it counts against the exam's policy), never an error: the exam room must keep running.
 */
@Injectable()
export class ProctoringFaceCheck {
  private readonly verifier: FaceCheckTokenVerifier;

  constructor(env: ExamEnv, clock: Clock) {
    this.verifier = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(env.FACE_CHECK_PUBLIC_KEYS),
      clock: { nowMs: () => clock.nowMs() },
    });
  }

  judge(token: string | undefined, examId: string, userId: string): PeriodicCheck {
    if (token === undefined || token === '') return { result: 'missing', claims: null };
    try {
      return {
        result: 'passed',
        claims: this.verifier.verify(token, { purpose: 'exam_proctor', examId, userId }),
      };
    } catch (error) {
      if (!(error instanceof FaceCheckTokenRejectedError)) throw error;
      if (error.reason === 'WRONG_EXAM') return { result: 'wrong_exam', claims: null };
      if (error.reason === 'WRONG_USER') return { result: 'wrong_user', claims: null };
      return { result: 'invalid', claims: null };
    }
  }
}
