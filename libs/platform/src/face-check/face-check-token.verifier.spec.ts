import { FaceCheckTokenRejectedError } from './face-check.errors';
import {
  developmentFaceCheckKeyPair,
  generateFaceCheckKeyPair,
  isDevelopmentFaceCheckKey,
  parseFaceCheckPrivateKey,
  parseFaceCheckPublicKeys,
} from './face-check-keys';
import { type FaceCheckSubject, FaceCheckTokenIssuer } from './face-check-token.issuer';
import { FaceCheckTokenVerifier } from './face-check-token.verifier';

const USER = '6b0f7f0e-5f0a-4f55-9d43-0d4b5c0a1e01';
const EXAM = '1c7a1e4e-1a3b-4c2d-8e9f-aaaaaaaaaaaa';
const OTHER_EXAM = '1c7a1e4e-1a3b-4c2d-8e9f-bbbbbbbbbbbb';

describe(FaceCheckTokenVerifier.name, () => {
  const keys = generateFaceCheckKeyPair('fc1');
  let now = Date.UTC(2026, 10, 26, 12, 0, 0);
  const clock = { nowMs: (): number => now };
  const issuer = new FaceCheckTokenIssuer({
    keyId: 'fc1',
    privateKey: parseFaceCheckPrivateKey(keys.privateKey),
    ttlSeconds: 300,
    clock,
  });
  const sut = new FaceCheckTokenVerifier({
    publicKeys: parseFaceCheckPublicKeys(keys.publicKeys),
    clock,
    clockSkewSeconds: 5,
  });
  const examStart: FaceCheckSubject = {
    userId: USER,
    purpose: 'exam_start',
    examId: EXAM,
    verificationId: 'v-1',
  };

  beforeEach(() => {
    now = Date.UTC(2026, 10, 26, 12, 0, 0);
  });

  function rejection(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      if (error instanceof FaceCheckTokenRejectedError) return error.code;
      throw error;
    }
    throw new Error('expected a rejection');
  }

  it('should accept a fresh token for the same purpose, exam and user', () => {
    const { token } = issuer.issue(examStart);

    const claims = sut.verify(token, { purpose: 'exam_start', examId: EXAM, userId: USER });

    expect(claims).toMatchObject({ sub: USER, purpose: 'exam_start', examId: EXAM, verificationId: 'v-1' });
    expect(claims.exp - claims.iat).toBe(300);
  });

  it('should accept a token without an exam for a non-exam purpose', () => {
    const { token } = issuer.issue({ userId: USER, purpose: 'step_up', examId: null, verificationId: 'v-2' });

    expect(sut.verify(token, { purpose: 'step_up', userId: USER }).examId).toBeNull();
  });

  it('should carry the relying request and refuse the token for another one', () => {
    const { token } = issuer.issue({
      userId: USER,
      purpose: 'step_up',
      examId: null,
      verificationId: 'v-3',
      ref: 'challenge-1',
    });

    expect(sut.verify(token, { purpose: 'step_up', userId: USER, ref: 'challenge-1' }).ref).toBe(
      'challenge-1',
    );
    expect(rejection(() => sut.verify(token, { purpose: 'step_up', userId: USER, ref: 'challenge-2' }))).toBe(
      'FACE_CHECK.WRONG_REQUEST',
    );
  });

  it('should refuse a token without a request where one is expected', () => {
    const { token } = issuer.issue({
      userId: USER,
      purpose: 'face_login',
      examId: null,
      verificationId: 'v-4',
    });

    expect(sut.verify(token, { purpose: 'face_login' }).ref).toBeNull();
    expect(rejection(() => sut.verify(token, { purpose: 'face_login', ref: 'ticket-1' }))).toBe(
      'FACE_CHECK.WRONG_REQUEST',
    );
  });

  it('should reject an expired token', () => {
    const { token } = issuer.issue(examStart);
    now += 306_000;

    expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM }))).toBe(
      'FACE_CHECK.EXPIRED',
    );
  });

  it('should reject a token issued in the future beyond the clock skew', () => {
    now += 60_000;
    const { token } = issuer.issue(examStart);
    now -= 60_000;

    expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM }))).toBe(
      'FACE_CHECK.NOT_YET_VALID',
    );
  });

  it('should reject a token whose payload was tampered with', () => {
    const { token } = issuer.issue(examStart);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, examId: OTHER_EXAM })).toString('base64url');

    expect(
      rejection(() =>
        sut.verify(`${header}.${forged}.${signature}`, { purpose: 'exam_start', examId: OTHER_EXAM }),
      ),
    ).toBe('FACE_CHECK.BAD_SIGNATURE');
  });

  it('should reject a token signed by another key under a known key id', () => {
    const stranger = generateFaceCheckKeyPair('fc1');
    const forger = new FaceCheckTokenIssuer({
      keyId: 'fc1',
      privateKey: parseFaceCheckPrivateKey(stranger.privateKey),
      ttlSeconds: 300,
      clock,
    });

    expect(
      rejection(() => sut.verify(forger.issue(examStart).token, { purpose: 'exam_start', examId: EXAM })),
    ).toBe('FACE_CHECK.BAD_SIGNATURE');
  });

  it('should reject a token with an unknown key id', () => {
    const stranger = generateFaceCheckKeyPair('fc9');
    const forger = new FaceCheckTokenIssuer({
      keyId: 'fc9',
      privateKey: parseFaceCheckPrivateKey(stranger.privateKey),
      ttlSeconds: 300,
      clock,
    });

    expect(
      rejection(() => sut.verify(forger.issue(examStart).token, { purpose: 'exam_start', examId: EXAM })),
    ).toBe('FACE_CHECK.UNKNOWN_KEY');
  });

  it('should reject an unsigned token with alg none', () => {
    const { token } = issuer.issue(examStart);
    const [, payload] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'face-check+jwt', kid: 'fc1' })).toString(
      'base64url',
    );

    expect(rejection(() => sut.verify(`${none}.${payload}.`, { purpose: 'exam_start', examId: EXAM }))).toBe(
      'FACE_CHECK.MALFORMED',
    );
  });

  it('should reject a token issued for another purpose', () => {
    const { token } = issuer.issue({ ...examStart, purpose: 'face_login', examId: null });

    expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM }))).toBe(
      'FACE_CHECK.WRONG_PURPOSE',
    );
  });

  it('should reject a token issued for another exam', () => {
    const { token } = issuer.issue(examStart);

    expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: OTHER_EXAM }))).toBe(
      'FACE_CHECK.WRONG_EXAM',
    );
  });

  it('should reject an exam-start check that names no exam', () => {
    const { token } = issuer.issue(examStart);

    expect(rejection(() => sut.verify(token, { purpose: 'exam_start' }))).toBe('FACE_CHECK.WRONG_EXAM');
  });

  it('should accept a periodic proctoring check for its exam only, and never as an exam-start check', () => {
    const { token } = issuer.issue({ ...examStart, purpose: 'exam_proctor' });

    expect(sut.verify(token, { purpose: 'exam_proctor', examId: EXAM, userId: USER })).toMatchObject({
      purpose: 'exam_proctor',
      examId: EXAM,
    });
    expect(rejection(() => sut.verify(token, { purpose: 'exam_proctor', examId: OTHER_EXAM }))).toBe(
      'FACE_CHECK.WRONG_EXAM',
    );
    expect(rejection(() => sut.verify(token, { purpose: 'exam_proctor' }))).toBe('FACE_CHECK.WRONG_EXAM');
    expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM }))).toBe(
      'FACE_CHECK.WRONG_PURPOSE',
    );
  });

  it('should reject a token of another user', () => {
    const { token } = issuer.issue(examStart);

    expect(
      rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM, userId: OTHER_EXAM })),
    ).toBe('FACE_CHECK.WRONG_USER');
  });

  it.each(['', 'a.b', 'a.b.c.d', '!!.??.**', 'x'.repeat(5000)])(
    'should reject the malformed token %#',
    (token) => {
      expect(rejection(() => sut.verify(token, { purpose: 'exam_start', examId: EXAM }))).toBe(
        'FACE_CHECK.MALFORMED',
      );
    },
  );

  it('should answer 403 through the platform error kind', () => {
    expect(new FaceCheckTokenRejectedError('EXPIRED').kind).toBe('forbidden');
  });

  it('should verify tokens signed with the fixed development key pair and recognise that key', () => {
    const dev = developmentFaceCheckKeyPair();
    const devIssuer = new FaceCheckTokenIssuer({
      keyId: dev.keyId,
      privateKey: parseFaceCheckPrivateKey(dev.privateKey),
      ttlSeconds: 60,
      clock,
    });
    const devVerifier = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(dev.publicKeys),
      clock,
    });

    expect(
      devVerifier.verify(devIssuer.issue(examStart).token, { purpose: 'exam_start', examId: EXAM }).sub,
    ).toBe(USER);
    expect(developmentFaceCheckKeyPair()).toEqual(dev);
    expect(isDevelopmentFaceCheckKey(dev.privateKey)).toBe(true);
    expect(isDevelopmentFaceCheckKey(keys.privateKey)).toBe(false);
  });
});
