import { generateKeyPairSync } from 'node:crypto';

import {
  developmentTicketKeyPair,
  parseTicketPrivateKey,
  parseTicketPublicKeys,
  signTicketToken,
  type TicketClaims,
  verifyTicketToken,
} from './ticket-token';

const dev = developmentTicketKeyPair();
const privateKey = parseTicketPrivateKey(dev.privateKey);
const keys = parseTicketPublicKeys(dev.publicKeys);
const claims: TicketClaims = {
  iss: 'exam',
  sub: '00000000-0000-4000-8000-000000000001',
  examId: '00000000-0000-4000-8000-000000000002',
  registrationId: '00000000-0000-4000-8000-000000000003',
  registrationNumber: 'ABCD2345000001',
  ticketNumber: 'T-ABCD2345-000001',
  iat: 1_000,
  exp: 2_000,
};

describe('ticket token', () => {
  it('should verify a token it signed, offline, within its validity', () => {
    const token = signTicketToken(claims, dev.keyId, privateKey);
    expect(verifyTicketToken(token, keys, 1_500_000)).toEqual({ valid: true, claims });
  });

  it('should refuse expired, tampered, foreign-key and malformed tokens', () => {
    const token = signTicketToken(claims, dev.keyId, privateKey);
    expect(verifyTicketToken(token, keys, 2_000_000)).toEqual({ valid: false, reason: 'expired' });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'x' })).toString('base64url');
    expect(verifyTicketToken(`${h}.${forged}.${s}`, keys, 1_500_000)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(verifyTicketToken(signTicketToken(claims, dev.keyId, other), keys, 1_500_000)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(verifyTicketToken(signTicketToken(claims, 'nokey', privateKey), keys, 1_500_000)).toEqual({
      valid: false,
      reason: 'unknown_key',
    });
    expect(verifyTicketToken('not a token', keys, 0)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyTicketToken('a.b.c', keys, 0)).toEqual({ valid: false, reason: 'malformed' });
  });
});
