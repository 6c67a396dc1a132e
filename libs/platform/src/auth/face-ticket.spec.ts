import { generateKeyPairSync } from 'node:crypto';

import { decode, sign } from 'jsonwebtoken';

import { DomainError } from '../errors/domain-error';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';
import { signFaceTicket, verifyFaceTicket } from './face-ticket';

const USER = '0b5e8a8e-0000-4000-8000-000000000001';

/** The subject as written in the ticket, unverified. */
function writtenSubject(ticket: string): string {
  const payload = decode(ticket, { json: true });
  return typeof payload?.sub === 'string' ? payload.sub : '';
}

describe('face tickets', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeys = new Map([['k1', publicKey]]);
  const SUBJECT_KEY = 'a-test-face-ticket-subject-key-0123';
  const key = { keyId: 'k1', privateKey, subjectKey: SUBJECT_KEY };

  function refusal(ticket: string): string {
    try {
      verifyFaceTicket(ticket, publicKeys, SUBJECT_KEY);
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('should round-trip the account, purpose and request', () => {
    const { ticket, claims } = signFaceTicket(
      key,
      { userId: USER, purpose: 'step_up', ref: 'challenge-1' },
      300,
    );

    expect(verifyFaceTicket(ticket, publicKeys, SUBJECT_KEY)).toEqual({
      sub: USER,
      purpose: 'step_up',
      ref: 'challenge-1',
    });
    expect(claims.ref).toBe('challenge-1');
  });

  it('should give each ticket its own request id when none is named', () => {
    const first = signFaceTicket(key, { userId: USER, purpose: 'face_login' }, 300).claims.ref;
    const second = signFaceTicket(key, { userId: USER, purpose: 'face_login' }, 300).claims.ref;

    expect(first).not.toBe(second);
  });

  it('should refuse an expired ticket, a foreign key, an unknown key id and garbage', () => {
    const expired = signFaceTicket(key, { userId: USER, purpose: 'face_login' }, -5).ticket;
    const foreign = signFaceTicket(
      { keyId: 'k1', privateKey: stranger.privateKey, subjectKey: SUBJECT_KEY },
      { userId: USER, purpose: 'face_login' },
      300,
    ).ticket;
    const unknownKid = signFaceTicket(
      { keyId: 'k9', privateKey, subjectKey: SUBJECT_KEY },
      { userId: USER, purpose: 'face_login' },
      300,
    ).ticket;

    expect([expired, foreign, unknownKid, 'not.a.ticket'].map(refusal)).toEqual(
      Array(4).fill('FACE.TICKET_INVALID'),
    );
  });

  it('should refuse an access token presented as a ticket', () => {
    const claims: Record<string, unknown> = {
      sub: USER,
      sid: 's',
      roles: ['candidate'],
      memberships: [],
      purpose: 'face_login',
      ref: 'x',
    };
    const accessToken = sign(claims, privateKey, {
      algorithm: JWT_ALGORITHM,
      keyid: 'k1',
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: 300,
    });

    expect(refusal(accessToken)).toBe('FACE.TICKET_INVALID');
  });

  it('should refuse a ticket for a purpose it does not know', () => {
    const claims: Record<string, unknown> = { sub: USER, purpose: 'exam_start', ref: 'x' };
    const forged = sign(claims, privateKey, {
      algorithm: JWT_ALGORITHM,
      keyid: 'k1',
      issuer: JWT_ISSUER,
      audience: 'exam-platform/face-ticket',
      expiresIn: 300,
    });

    expect(refusal(forged)).toBe('FACE.TICKET_INVALID');
  });

  it('should carry the account only encrypted, different in every ticket, and open it only with the key', () => {
    const first = signFaceTicket(key, { userId: USER, purpose: 'face_login' }, 300).ticket;
    const second = signFaceTicket(key, { userId: USER, purpose: 'face_login' }, 300).ticket;
    const subjects = [first, second].map(writtenSubject);

    expect(subjects.every((sub) => !sub.includes(USER) && sub.startsWith('v1.'))).toBe(true);
    expect(subjects[0]).not.toBe(subjects[1]);
    expect(first.includes(USER)).toBe(false);
    expect(verifyFaceTicket(second, publicKeys, SUBJECT_KEY).sub).toBe(USER);
    expect(() => verifyFaceTicket(first, publicKeys, 'another-subject-key-000000000000')).toThrow(
      DomainError,
    );
  });

  it('should refuse a ticket whose plain or moved subject was signed by the key holder', () => {
    const plainClaims: Record<string, unknown> = { sub: USER, purpose: 'face_login', ref: 'r1' };
    const plain = sign(plainClaims, privateKey, {
      algorithm: JWT_ALGORITHM,
      keyid: 'k1',
      issuer: JWT_ISSUER,
      audience: 'exam-platform/face-ticket',
      expiresIn: 300,
    });
    const sealedForOther = writtenSubject(
      signFaceTicket(key, { userId: USER, purpose: 'step_up', ref: 'r1' }, 300).ticket,
    );
    const movedClaims: Record<string, unknown> = { sub: sealedForOther, purpose: 'face_login', ref: 'r1' };
    const moved = sign(movedClaims, privateKey, {
      algorithm: JWT_ALGORITHM,
      keyid: 'k1',
      issuer: JWT_ISSUER,
      audience: 'exam-platform/face-ticket',
      expiresIn: 300,
    });

    expect([plain, moved].map(refusal)).toEqual(['FACE.TICKET_INVALID', 'FACE.TICKET_INVALID']);
  });
});
