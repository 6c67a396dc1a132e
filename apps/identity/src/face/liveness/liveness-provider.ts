import type { LivenessFrame, LivenessStep, LivenessVerdict } from '../face-liveness';

/** What the person was asked to show, as issued: a vendor binds its check to it. */
export interface LivenessChallengeSpec {
  readonly steps: readonly LivenessStep[];
  readonly nonce: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** One frame as identity's model analysed it, with the bytes the camera sent (a vendor analyses those itself). */
export interface LivenessCapture extends LivenessFrame {
  readonly image: Buffer;
}

/** The decision and who took it, so a stored decision says which engine and version decided. */
export type ProviderLivenessVerdict = LivenessVerdict & {
  readonly provider: string;
  readonly providerVersion: string;
};

/**
 * The liveness port: identity's own challenge-response rules (LocalLivenessProvider) or a certified vendor's
 * service (AuthorityLivenessProvider), chosen by LIVENESS_PROVIDER. An implementation never passes a check it
 * could not decide: errors, timeouts and unreadable answers are `passed: false` with the reason.
 */
export abstract class LivenessProvider {
  abstract evaluate(
    challenge: LivenessChallengeSpec,
    frames: readonly LivenessCapture[],
  ): Promise<ProviderLivenessVerdict>;
}
