import { ApiError } from '../../api/api-error';
import { api } from '../../api/http';
import type { LivenessAnswer, LivenessChallenge } from '../../face/face-types';

/** The verified real name, masked by the service (RealNamePrefillDto). */
export interface RealNameStatus {
  maskedName: string;
  maskedIdNumber: string;
  validTo: string;
  minor: boolean;
  gender: 'male' | 'female';
  verifiedAt: string;
}

export type GuardianRelationship = 'father' | 'mother' | 'legal_guardian';

export interface VerifyRealNameInput {
  name: string;
  idNumber: string;
  validFrom: string;
  /** YYYY-MM-DD or `long-term` (长期). */
  validTo: string;
  guardian?: { name: string; idNumber: string; relationship: GuardianRelationship };
}

export type VerificationResult =
  | 'match'
  | 'mismatch'
  | 'not_found'
  | 'no_photo'
  | 'face_mismatch'
  | 'liveness_failed'
  | 'expired_document'
  | 'rate_limited'
  | 'provider_error';

/** A decision of the authority (or of identity's own liveness check): 200 whatever it says (ADR 0034). */
export interface VerificationOutcome {
  attemptId: string;
  result: VerificationResult;
  verified: boolean;
  minor: boolean;
  warnings: string[];
  attemptsLeftToday: number;
  message: string;
  livenessReason: string | null;
}

export const realNameKey = ['identity', 'real-name', 'me'] as const;

/** The caller's verified real name, or null while there is none (404 IDENTITY.REAL_NAME_NOT_VERIFIED). */
export async function fetchRealName(): Promise<RealNameStatus | null> {
  try {
    return await api<RealNameStatus>('/identity/real-name/me');
  } catch (error: unknown) {
    if (error instanceof ApiError && error.code === 'IDENTITY.REAL_NAME_NOT_VERIFIED') return null;
    throw error;
  }
}

export function verifyRealName(input: VerifyRealNameInput): Promise<VerificationOutcome> {
  return api<VerificationOutcome>('/identity/real-name/verifications', { body: input });
}

export function createRealNameFaceChallenge(
  consentPolicyVersion: string | undefined,
): Promise<LivenessChallenge> {
  return api<LivenessChallenge>('/identity/real-name/face-challenges', {
    body: consentPolicyVersion === undefined ? {} : { consent: true, consentPolicyVersion },
  });
}

export function verifyRealNameFace(answer: LivenessAnswer): Promise<VerificationOutcome> {
  return api<VerificationOutcome>('/identity/real-name/face-verifications', { body: answer });
}

export type AppealKind = 'id_number_taken' | 'change_request';

export interface Appeal {
  id: string;
  kind: AppealKind;
  status: string;
  createdAt: string;
}

export function fileAppeal(kind: AppealKind, reason: string, idNumber?: string): Promise<Appeal> {
  return api<Appeal>('/identity/real-name/appeals', {
    body: { kind, reason, ...(idNumber === undefined ? {} : { idNumber }) },
  });
}
