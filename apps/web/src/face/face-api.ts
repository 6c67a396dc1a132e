import { api } from '../api/http';
import type { FaceCheckResponse, FaceReview, LivenessAnswer, LivenessChallenge } from './face-types';

/** A signed-in face check (exam start, proctoring): the challenge bound to this account, purpose and exam. */
export function createFaceChallenge(purpose: string, examId?: string): Promise<LivenessChallenge> {
  return api<LivenessChallenge>('/identity/face/challenges', {
    body: { purpose, ...(examId === undefined ? {} : { examId }) },
  });
}

/** 200 for both outcomes: a refusal is a decision with its reason, not an error. */
export function submitFaceCheck(answer: LivenessAnswer): Promise<FaceCheckResponse> {
  return api<FaceCheckResponse>('/identity/face/checks', { body: answer });
}

/** Asks a person at the platform to look at a refused check again. */
export function requestFaceReview(verificationId: string, reason: string): Promise<FaceReview> {
  return api<FaceReview>('/identity/face/reviews', { body: { verificationId, reason } });
}

/** Before sign-in: the face ticket from accounts stands in for the access token. */
export function createPreAuthChallenge(ticket: string): Promise<LivenessChallenge> {
  return api<LivenessChallenge>('/identity/face/pre-auth/challenges', { body: { ticket }, anonymous: true });
}

export function submitPreAuthCheck(ticket: string, answer: LivenessAnswer): Promise<FaceCheckResponse> {
  return api<FaceCheckResponse>('/identity/face/pre-auth/checks', {
    body: { ticket, ...answer },
    anonymous: true,
  });
}
