import { api, type TokenResponse } from '../../api/http';
import type { VerificationRequired } from '../../auth/auth-actions';

/** A face ticket from accounts: it names the account and purpose for the identity service's pre-auth check. */
export interface FaceTicket {
  faceTicket: string;
  expiresInSeconds: number;
}

/** Always a ticket, whether or not the account exists; "unavailable" shows only at the face check. */
export function requestFaceLoginTicket(login: string): Promise<FaceTicket> {
  return api<FaceTicket>('/accounts/auth/face-login/ticket', { body: { login }, anonymous: true });
}

/** 200 signs in; 202 asks for a code first (a device this account has not signed in on). */
export function faceLogin(faceCheckToken: string): Promise<TokenResponse | VerificationRequired> {
  return api<TokenResponse | VerificationRequired>('/accounts/auth/face-login', {
    body: { faceCheckToken },
    anonymous: true,
  });
}

/** Confirms a risky password sign-in (202 with `face` among the methods) with a face check. */
export function completeStepUpWithFace(challengeId: string, faceCheckToken: string): Promise<TokenResponse> {
  return api<TokenResponse>('/accounts/auth/step-up/face', {
    body: { challengeId, faceCheckToken },
    anonymous: true,
  });
}

/** Password recovery by face: the ticket, and a code to the account's phone or email. */
export function requestFaceResetTicket(login: string): Promise<FaceTicket> {
  return api<FaceTicket>('/accounts/password-resets/face/ticket', { body: { login }, anonymous: true });
}

export function confirmFaceReset(faceCheckToken: string, code: string, newPassword: string): Promise<void> {
  return api<undefined>('/accounts/password-resets/face/confirm', {
    body: { faceCheckToken, code, newPassword },
    anonymous: true,
  });
}
