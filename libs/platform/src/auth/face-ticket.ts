import { type KeyObject, randomUUID } from 'node:crypto';

import { decode, sign, verify } from 'jsonwebtoken';

import { FaceTicketInvalidError } from '../errors/platform.errors';
import { JWT_ALGORITHM, JWT_ISSUER } from './auth.settings';

/**
 * A face ticket lets someone who is not signed in (yet) take a face check for one account and one purpose:
 * accounts issues it after the password of a risky sign-in, or for face sign-in and password recovery; the
 * identity service accepts it instead of an access token on its pre-sign-in face routes only.
 *
 * It is signed with the access-token key, but for another audience, so it is never accepted as an access
 * token, and an access token is never accepted as a ticket.
 */
export const FACE_TICKET_AUDIENCE = 'exam-platform/face-ticket';
export const FACE_TICKET_PURPOSES = ['step_up', 'face_login', 'password_recovery'] as const;
export type FaceTicketPurpose = (typeof FACE_TICKET_PURPOSES)[number];

export interface FaceTicketClaims {
  /** The account whose enrolled face must be shown. */
  readonly sub: string;
  readonly purpose: FaceTicketPurpose;
  /**
   * The accounts-side request this check is for (the step-up challenge, or the ticket itself): it is copied
   * into the face-check token, so accounts can tell a check made for this request from any other.
   */
  readonly ref: string;
}

export interface FaceTicketSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

const isPurpose = (value: unknown): value is FaceTicketPurpose =>
  typeof value === 'string' && (FACE_TICKET_PURPOSES as readonly string[]).includes(value);

export function signFaceTicket(
  key: FaceTicketSigningKey,
  subject: { readonly userId: string; readonly purpose: FaceTicketPurpose; readonly ref?: string },
  ttlSeconds: number,
): { readonly ticket: string; readonly claims: FaceTicketClaims } {
  const claims: FaceTicketClaims = {
    sub: subject.userId,
    purpose: subject.purpose,
    ref: subject.ref ?? randomUUID(),
  };
  const ticket = sign({ ...claims }, key.privateKey, {
    algorithm: JWT_ALGORITHM,
    keyid: key.keyId,
    issuer: JWT_ISSUER,
    audience: FACE_TICKET_AUDIENCE,
    expiresIn: ttlSeconds,
  });
  return { ticket, claims };
}

/** Verifies a ticket offline with the accounts service's public keys; anything wrong is one 401. */
export function verifyFaceTicket(
  ticket: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
): FaceTicketClaims {
  const kid = decode(ticket, { complete: true })?.header.kid;
  const key = kid === undefined ? undefined : publicKeys.get(kid);
  if (key === undefined) throw new FaceTicketInvalidError();
  let payload: unknown;
  try {
    payload = verify(ticket, key, {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: FACE_TICKET_AUDIENCE,
    });
  } catch {
    throw new FaceTicketInvalidError();
  }
  if (typeof payload !== 'object' || payload === null) throw new FaceTicketInvalidError();
  const { sub, purpose, ref } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !isPurpose(purpose) || typeof ref !== 'string')
    throw new FaceTicketInvalidError();
  return { sub, purpose, ref };
}
