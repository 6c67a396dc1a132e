import { api, sessionFrom, type TokenResponse } from '../api/http';
import { type Session, tokenStore } from './token-store';

/** Sign-in answered 202: the password was right, the sign-in must be confirmed (code, or face where offered). */
export interface VerificationRequired {
  verificationRequired: true;
  methods: ('one_time_code' | 'face')[];
  challengeId: string;
  channel: 'sms' | 'email';
  phone?: string;
  email?: string;
  codeExpiresInSeconds: number;
  faceTicket?: string;
}

export type SignInResult =
  { kind: 'signed_in'; session: Session } | { kind: 'step_up'; challenge: VerificationRequired };

function signedIn(token: TokenResponse): Session {
  const session = sessionFrom(token);
  tokenStore.set(session);
  return session;
}

export async function signIn(login: string, password: string): Promise<SignInResult> {
  const answer = await api<TokenResponse | VerificationRequired>('/accounts/auth/login', {
    body: { login, password },
    anonymous: true,
  });
  if ('verificationRequired' in answer) return { kind: 'step_up', challenge: answer };
  return { kind: 'signed_in', session: signedIn(answer) };
}

export async function completeStepUp(challengeId: string, code: string): Promise<Session> {
  return signedIn(
    await api<TokenResponse>('/accounts/auth/step-up', { body: { challengeId, code }, anonymous: true }),
  );
}

/** Completes a sign-in with a token response obtained another way (face sign-in, face step-up). */
export function acceptTokenResponse(token: TokenResponse): Session {
  return signedIn(token);
}

export async function signOut(): Promise<void> {
  try {
    await api<undefined>('/accounts/auth/logout', { method: 'POST', anonymous: true });
  } finally {
    tokenStore.set(null);
  }
}

export async function signOutEverywhere(): Promise<number> {
  const { endedSessions } = await api<{ endedSessions: number }>('/accounts/auth/logout-all', {
    method: 'POST',
  });
  tokenStore.set(null);
  return endedSessions;
}
