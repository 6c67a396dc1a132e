import { generateKeyPairSync } from 'node:crypto';

import { sign } from 'jsonwebtoken';

import { DomainError } from '../errors/domain-error';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';
import { signFaceTicket, verifyFaceTicket } from './face-ticket';

const USER = '0b5e8a8e-0000-4000-8000-000000000001';

describe('face tickets', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeys = new Map([['k1', publicKey]]);
  const key = { keyId: 'k1', privateKey };

  function refusal(ticket: string): string {
    try {
      verifyFaceTicket(ticket, publicKeys);
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

    expect(verifyFaceTicket(ticket, publicKeys)).toEqual({
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
      { keyId: 'k1', privateKey: stranger.privateKey },
      { userId: USER, purpose: 'face_login' },
      300,
    ).ticket;
    const unknownKid = signFaceTicket(
      { keyId: 'k9', privateKey },
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
});
