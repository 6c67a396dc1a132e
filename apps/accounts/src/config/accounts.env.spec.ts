import { ConfigValidationError, developmentFaceCheckKeyPair, generateFaceCheckKeyPair } from '@exam/platform';

import { loadAccountsEnv } from './accounts.env';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----';
const production = {
  NODE_ENV: 'production',
  DATABASE_NAME: 'exam_accounts',
  DATABASE_URL: 'mysql://svc:a-real-password-1234@db:3306',
  JWT_PRIVATE_KEY: PEM,
  CODE_HASH_KEY: 'k3y-0f-r3al-3ntr0py-9a8b7c6d5e4f',
  FACE_TICKET_SUBJECT_KEY: 'f4c3-t1ck3t-subj3ct-9a8b7c6d5e4f',
  SMTP_URL: 'smtp://mailer:a-real-password-1234@smtp.internal:587',
  NOTIFIER: 'smtp',
};

function refusal(env: Record<string, string>): string {
  try {
    loadAccountsEnv(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('accounts face-check settings', () => {
  it('should trust the development face-check key outside production by default', () => {
    const env = loadAccountsEnv({
      NODE_ENV: 'development',
      DATABASE_NAME: 'exam_accounts',
      JWT_PRIVATE_KEY: PEM,
    });

    expect(env.FACE_CHECK_PUBLIC_KEYS).toBe(developmentFaceCheckKeyPair().publicKeys);
  });

  it('should accept production with its own face-check public keys, rotation pairs included', () => {
    const keys = `${generateFaceCheckKeyPair('fc-1').publicKeys},${generateFaceCheckKeyPair('fc-2').publicKeys}`;

    expect(refusal({ ...production, FACE_CHECK_PUBLIC_KEYS: keys })).toBe('accepted');
  });

  it.each([
    [
      'the development key in production',
      { ...production, FACE_CHECK_PUBLIC_KEYS: developmentFaceCheckKeyPair().publicKeys },
    ],
    [
      'the manifest placeholder',
      { ...production, FACE_CHECK_PUBLIC_KEYS: 'fc-1=REPLACE_WITH_PUBLIC_HALF_OF_face-check-private-key' },
    ],
    ['a key that is not Ed25519', { ...production, FACE_CHECK_PUBLIC_KEYS: 'fc-1=AAAA' }],
  ])('should refuse %s and name the setting', (_label, env) => {
    expect(refusal(env)).toMatch(/FACE_CHECK_PUBLIC_KEYS/);
  });
});
