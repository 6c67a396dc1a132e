import { Injectable } from '@nestjs/common';

import { FACE_MATCH_THRESHOLD } from '../face.policy';
import { evaluateLiveness } from '../face-liveness';
import {
  type LivenessCapture,
  type LivenessChallengeSpec,
  LivenessProvider,
  type ProviderLivenessVerdict,
} from './liveness-provider';

export const LOCAL_LIVENESS_PROVIDER_NAME = 'identity-liveness';
/** Bump with any change of the rules in face-liveness.ts or their thresholds in face.policy.ts. */
export const LOCAL_LIVENESS_VERSION = 'rules-2026.12';

/** Identity's own rules (face-liveness.ts), unchanged: the default, and what every face test runs on. */
@Injectable()
export class LocalLivenessProvider extends LivenessProvider {
  evaluate(
    challenge: LivenessChallengeSpec,
    frames: readonly LivenessCapture[],
  ): Promise<ProviderLivenessVerdict> {
    const verdict = evaluateLiveness(challenge.steps, frames, FACE_MATCH_THRESHOLD);
    return Promise.resolve({
      ...verdict,
      provider: LOCAL_LIVENESS_PROVIDER_NAME,
      providerVersion: LOCAL_LIVENESS_VERSION,
    });
  }
}
