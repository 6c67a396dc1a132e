import { BaseServiceEnv } from '../config/base-service.env';
import { loadConfig } from '../config/load-config';
import { generateEd25519KeyPair } from '../signing/ed25519-keys';
import { messagingSettingsFrom } from './messaging.settings';

function settings(values: Record<string, string>): ReturnType<typeof messagingSettingsFrom> | string {
  try {
    return messagingSettingsFrom(
      'audit',
      loadConfig(BaseServiceEnv, { DATABASE_NAME: 'exam_audit', ...values }),
    );
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('messagingSettingsFrom', () => {
  const own = generateEd25519KeyPair('audit.2026-01');
  const production = {
    NODE_ENV: 'production',
    EVENT_SIGNING_KEY_ID: own.keyId,
    EVENT_SIGNING_PRIVATE_KEY: own.privateKey,
    EVENT_VERIFY_KEYS: own.publicKeys,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'audit',
    KAFKA_SASL_PASSWORD: 'Zq8-kafka-audit-2f7c1e9b0a',
  };

  it('should connect without SASL to a local broker in development', () => {
    const sut = settings({ NODE_ENV: 'development' });

    expect(sut).toMatchObject({ ssl: false, brokers: ['127.0.0.1:9092'] });
    expect(sut).not.toHaveProperty('sasl');
  });

  it('should pass the service principal’s SCRAM credentials to the client', () => {
    expect(settings({ ...production, KAFKA_SSL: 'true' })).toMatchObject({
      sasl: { mechanism: 'scram-sha-512', username: 'audit', password: production.KAFKA_SASL_PASSWORD },
      ssl: true,
    });
  });

  it.each([
    [
      'an unauthenticated broker',
      { ...production, KAFKA_SASL_MECHANISM: 'none' },
      /KAFKA_SASL_MECHANISM=none is refused in production/,
    ],
    ['a missing password', { ...production, KAFKA_SASL_PASSWORD: '' }, /KAFKA_SASL_PASSWORD is required/],
    [
      'a placeholder password',
      { ...production, KAFKA_SASL_PASSWORD: 'changeme-changeme' },
      /KAFKA_SASL_PASSWORD: a real secret/,
    ],
    ['a missing user', { ...production, KAFKA_SASL_USERNAME: '' }, /KAFKA_SASL_USERNAME is required/],
  ])('should refuse %s in production', (_label, env, message) => {
    expect(settings(env)).toMatch(message);
  });

  it('should refuse an unknown SASL mechanism when the env is loaded', () => {
    expect(settings({ NODE_ENV: 'development', KAFKA_SASL_MECHANISM: 'plain' })).toMatch(
      /KAFKA_SASL_MECHANISM/,
    );
  });
});
