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
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://svc:a-real-password-1234@db:3306',
    TICKET_KEY_ID: ticket.keyId,
    TICKET_PRIVATE_KEY: ticket.privateKey,
    TICKET_PUBLIC_KEYS: ticket.publicKeys,
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
});
