import { BaseServiceEnv } from './base-service.env';
import { ConfigValidationError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('should apply defaults and convert numbers and booleans', () => {
    const sut = loadConfig(BaseServiceEnv, {
      DATABASE_NAME: 'exam_accounts',
      HTTP_PORT: '3001',
      DB_MIGRATIONS_RUN: 'true',
    });
    expect(sut.HTTP_PORT).toBe(3001);
    expect(sut.DB_MIGRATIONS_RUN).toBe(true);
    expect(sut.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('should report every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig(BaseServiceEnv, {
        DATABASE_NAME: 'Bad-Name',
        HTTP_PORT: 'abc',
        KAFKA_BROKERS: 'a b',
        NODE_ENV: 'prod',
      });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.join('\n');
    for (const name of ['DATABASE_NAME', 'HTTP_PORT', 'KAFKA_BROKERS', 'NODE_ENV'])
      expect(problems).toContain(name);
  });

  it('should refuse placeholder secrets in production', () => {
    expect(() =>
      loadConfig(BaseServiceEnv, {
        NODE_ENV: 'production',
        DATABASE_NAME: 'exam_accounts',
        DATABASE_URL: 'mysql://exam:CHANGE_ME@db:3306',
      }),
    ).toThrow(/DATABASE_URL: a real secret is required in production/);
  });

  it('should accept a real secret in production', () => {
    const sut = loadConfig(BaseServiceEnv, {
      NODE_ENV: 'production',
      DATABASE_NAME: 'exam_accounts',
      DATABASE_URL: 'mysql://exam:Zq8r2LmT9vX4pW7s@db:3306',
    });
    expect(sut.NODE_ENV).toBe('production');
  });
});
