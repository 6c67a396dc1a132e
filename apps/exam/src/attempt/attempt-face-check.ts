import {
  Clock,
  type FaceCheckClaims,
  FaceCheckTokenVerifier,
  parseFaceCheckPublicKeys,
} from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';

/** Verifies exam-start face-check tokens offline with identity's public keys, on the service's clock. */
@Injectable()
export class AttemptFaceCheck {
  private readonly verifier: FaceCheckTokenVerifier;

  constructor(env: ExamEnv, clock: Clock) {
    this.verifier = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(env.FACE_CHECK_PUBLIC_KEYS),
      clock: { nowMs: () => clock.nowMs() },
    });
  }

  /** The token's claims when it is genuine, current and was issued for this exam and this user; else throws. */
  verify(token: string, examId: string, userId: string): FaceCheckClaims {
    return this.verifier.verify(token, { purpose: 'exam_start', examId, userId });
  }
}
