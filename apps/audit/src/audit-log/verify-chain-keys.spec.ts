import { randomBytes } from 'node:crypto';

import { missingVerificationKeys } from './verify-chain-keys';

const chainKey = randomBytes(32).toString('base64');

describe(missingVerificationKeys.name, () => {
  it('should let the command run when the chain key and a checkpoint key are set', () => {
    expect(
      missingVerificationKeys({
        AUDIT_CHAIN_KEYS: chainKey,
        AUDIT_SIGNING_KEY: 'pem',
        AUDIT_VERIFY_KEYS: '',
      }),
    ).toBeNull();
    expect(
      missingVerificationKeys({ AUDIT_CHAIN_KEYS: chainKey, AUDIT_SIGNING_KEY: '', AUDIT_VERIFY_KEYS: '{}' }),
    ).toBeNull();
  });

  it('should name every missing key and say how to fix it', () => {
    const message = missingVerificationKeys({
      AUDIT_CHAIN_KEYS: ' ',
      AUDIT_SIGNING_KEY: '',
      AUDIT_VERIFY_KEYS: '',
    });

    expect(message).toContain('AUDIT_CHAIN_KEYS is not set');
    expect(message).toContain('neither AUDIT_SIGNING_KEY nor AUDIT_VERIFY_KEYS is set');
    expect(message).toContain('.local/dev.env');
  });

  it('should report an unusable chain key as a key problem', () => {
    expect(
      missingVerificationKeys({ AUDIT_CHAIN_KEYS: 'short', AUDIT_SIGNING_KEY: 'pem', AUDIT_VERIFY_KEYS: '' }),
    ).toContain('at least 32 bytes');
  });
});
