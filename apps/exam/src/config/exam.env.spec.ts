import { ConfigValidationError, developmentFaceCheckKeyPair, generateFaceCheckKeyPair } from '@exam/platform';

import { loadExamEnv } from './exam.env';

function refusal(env: Record<string, string>): string {
  try {
    loadExamEnv(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('exam attempt settings', () => {
  const ticket = generateFaceCheckKeyPair('tk-test');
  const certificate = generateFaceCheckKeyPair('ce-test');
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://svc:a-real-password-1234@db:3306',
    TICKET_KEY_ID: ticket.keyId,
    TICKET_PRIVATE_KEY: ticket.privateKey,
    TICKET_PUBLIC_KEYS: ticket.publicKeys,
    CERTIFICATE_KEY_ID: certificate.keyId,
    CERTIFICATE_PRIVATE_KEY: certificate.privateKey,
    CERTIFICATE_PUBLIC_KEYS: certificate.publicKeys,
  };

  it('should default to the development face-check key, a 30 s save grace and a 10 s finalisation pass', () => {
    const env = loadExamEnv({ NODE_ENV: 'development' });
    expect(env.FACE_CHECK_PUBLIC_KEYS).toBe(developmentFaceCheckKeyPair().publicKeys);
    expect(env.EXAM_SAVE_GRACE_SECONDS).toBe(30);
    expect(env.EXAM_FINALISE_INTERVAL_SECONDS).toBe(10);
  });

  it('should refuse the development face-check key, a placeholder and a negative grace in production', () => {
    const keys = generateFaceCheckKeyPair('fc-9').publicKeys;
    expect(refusal({ ...production, FACE_CHECK_PUBLIC_KEYS: keys })).toBe('accepted');
    expect(refusal(production)).toMatch(/FACE_CHECK_PUBLIC_KEYS/);
    expect(
      refusal({
        ...production,
        FACE_CHECK_PUBLIC_KEYS: 'fc-1=REPLACE_WITH_PUBLIC_HALF_OF_face-check-private-key',
      }),
    ).toMatch(/FACE_CHECK_PUBLIC_KEYS/);
    expect(refusal({ ...production, FACE_CHECK_PUBLIC_KEYS: keys, EXAM_SAVE_GRACE_SECONDS: '-1' })).toMatch(
      /EXAM_SAVE_GRACE_SECONDS/,
    );
  });

  it('should refuse the development certificate key in production and a signing key without its public half', () => {
    const keys = generateFaceCheckKeyPair('fc-9').publicKeys;
    const valid = { ...production, FACE_CHECK_PUBLIC_KEYS: keys };
    const { CERTIFICATE_PRIVATE_KEY: _key, ...withDevelopmentKey } = valid;
    expect(refusal(withDevelopmentKey)).toMatch(/CERTIFICATE_PRIVATE_KEY: the published development key/);
    expect(refusal({ ...valid, CERTIFICATE_KEY_ID: 'ce-other' })).toMatch(
      /CERTIFICATE_PUBLIC_KEYS: no public key/,
    );
    expect(
      refusal({
        ...valid,
        CERTIFICATE_PUBLIC_KEYS: 'ce-test=REPLACE_WITH_PUBLIC_HALF_OF_certificate-private-key',
      }),
    ).toMatch(/CERTIFICATE_PUBLIC_KEYS/);
    expect(refusal({ ...valid, CERTIFICATE_VERIFY_URL: 'ftp://x' })).toMatch(/CERTIFICATE_VERIFY_URL/);
  });
});
