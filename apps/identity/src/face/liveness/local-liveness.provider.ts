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

/**
 * What a stored face-check reason adds when another provider decided liveness, so the record names it
 * (e.g. " (liveness: authority-sim sim-liveness-2026.1)"); nothing for the local rules, whose records are
 * unchanged.
 */
export function livenessRecordNote(verdict: ProviderLivenessVerdict): string {
  if (verdict.provider === LOCAL_LIVENESS_PROVIDER_NAME) return '';
  return ` (liveness: ${verdict.provider} ${verdict.providerVersion})`;
}
