import {
  createCipheriv,
  createDecipheriv,
  createHash,
  type KeyObject,
  randomBytes,
  randomUUID,
} from 'node:crypto';

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
 *
 * The account it names is encrypted (AES-256-GCM under FACE_TICKET_SUBJECT_KEY, which only accounts and
 * identity hold, bound to the purpose and request): anyone can ask a ticket for a login, so a readable subject
 * would tell which phone, email and user name belong to one account, and two tickets for the same account
 * look unrelated.
 */
export const FACE_TICKET_AUDIENCE = 'exam-platform/face-ticket';
export const FACE_TICKET_PURPOSES = ['step_up', 'face_login', 'password_recovery'] as const;
export type FaceTicketPurpose = (typeof FACE_TICKET_PURPOSES)[number];

export interface FaceTicketClaims {
  /** The account whose enrolled face must be shown (in the ticket itself only encrypted). */
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
  /** FACE_TICKET_SUBJECT_KEY: the secret the subject is encrypted with. */
  readonly subjectKey: string;
}

const SUBJECT_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function subjectCipherKey(secret: string): Buffer {
  return createHash('sha256').update('exam-platform face-ticket subject v1\0').update(secret).digest();
}

/** The account id, encrypted with a fresh IV and bound to the ticket's purpose and request. */
export function sealFaceTicketSubject(secret: string, userId: string, purpose: string, ref: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subjectCipherKey(secret), iv);
  cipher.setAAD(Buffer.from(`${purpose}:${ref}`));
  const sealed = Buffer.concat([iv, cipher.update(userId, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SUBJECT_PREFIX}${sealed.toString('base64url')}`;
}

/** The account id, or null when the subject was not sealed with this secret for this purpose and request. */
export function openFaceTicketSubject(
  secret: string,
  sealed: string,
  purpose: string,
  ref: string,
): string | null {
  if (!sealed.startsWith(SUBJECT_PREFIX)) return null;
  const raw = Buffer.from(sealed.slice(SUBJECT_PREFIX.length), 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', subjectCipherKey(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`${purpose}:${ref}`));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
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
  const sealed = {
    ...claims,
    sub: sealFaceTicketSubject(key.subjectKey, claims.sub, claims.purpose, claims.ref),
  };
  const ticket = sign(sealed, key.privateKey, {
    algorithm: JWT_ALGORITHM,
    keyid: key.keyId,
    issuer: JWT_ISSUER,
    audience: FACE_TICKET_AUDIENCE,
    expiresIn: ttlSeconds,
  });
  return { ticket, claims };
}

/**
 * Verifies a ticket offline with the accounts service's public keys and opens its subject with
 * FACE_TICKET_SUBJECT_KEY; anything wrong is one 401.
 */
export function verifyFaceTicket(
  ticket: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  subjectKey: string,
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
  const userId = openFaceTicketSubject(subjectKey, sub, purpose, ref);
  if (userId === null) throw new FaceTicketInvalidError();
  return { sub: userId, purpose, ref };
}
