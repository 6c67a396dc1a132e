import { maskValue } from '@exam/crypto';
import { DomainError, type EventPublisher } from '@exam/platform';
import { TestClock } from '@exam/testing';
import { type DataSource, QueryFailedError } from 'typeorm';

import type { AccountsEnv } from '../config/accounts.env';
import type { IpRegionResolver } from './region/ip-region.resolver';
import { hashRefreshToken, SessionsService } from './sessions.service';

function deadlock(): QueryFailedError {
  return new QueryFailedError(
    'UPDATE sessions …',
    [],
    Object.assign(new Error('Deadlock found'), { errno: 1213 }),
  );
}

const client = { ip: '127.0.0.1', userAgent: 'jest', deviceId: undefined };

function storedRow(
  overrides: Partial<Record<'usedAt' | 'revokedAt', Date | null>> = {},
): Record<string, unknown> {
  const now = Date.now();
  return {
    usedAt: null,
    sessionId: 's',
    userId: 'u',
    expiresAt: new Date(now + 86_400_000),
    revokedAt: null,
    lastUsedAt: new Date(now),
    maskedIp: maskValue('ip', client.ip),
    region: null,
    roles: '["candidate"]',
    status: 'active',
    ...overrides,
  };
}

/** Answers each statement of the rotation by its first word, in order, so a test scripts one rotation. */
function scriptedQuery(script: Partial<Record<string, unknown[]>>): jest.Mock {
  return jest.fn((sql: string) => {
    const verb = sql.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
    const answers = script[verb];
    if (answers === undefined || answers.length === 0) return Promise.reject(new Error(`unexpected ${verb}`));
    const answer = answers.shift();
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
}

/** The parameters of the n-th statement the rotation sent. */
function paramsOf(query: jest.Mock, n: number): unknown[] {
  const call = query.mock.calls[n] as [string, unknown[]] | undefined;
  return call?.[1] ?? [];
}

describe(SessionsService.name, () => {
  let query: jest.Mock;
  let transaction: jest.Mock;

  function service(): SessionsService {
    const regions: IpRegionResolver = { regionOf: () => null };
    return new SessionsService(
      { query, transaction } as unknown as DataSource,
      {} as EventPublisher,
      new TestClock(new Date()),
      {} as AccountsEnv,
      regions,
    );
  }

  beforeEach(() => {
    transaction = jest.fn().mockResolvedValue(undefined);
  });

  it('should consume the presented token and insert its successor in one statement, leaving the session row alone within the minute', async () => {
    query = scriptedQuery({ SELECT: [[storedRow()]], INSERT: [{ affectedRows: 3 }] });
    const rotated = await service().rotate('token', client);
    expect(rotated).toMatchObject({ sessionId: 's', userId: 'u', roles: ['candidate'], active: true });
    const statements = query.mock.calls.map(([sql]: [string]) =>
      sql.trim().split(/\s+/).slice(0, 2).join(' '),
    );
    expect(statements).toEqual(['SELECT t.used_at', 'INSERT INTO']);
    expect(paramsOf(query, 1)).toEqual([
      hashRefreshToken('token'),
      's',
      expect.any(Date),
      expect.any(Date),
      hashRefreshToken(rotated.refreshToken),
      's',
      expect.any(Date),
    ]);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('should delete its successor and end the family when a concurrent use consumed the token first', async () => {
    // 1 for the successor inserted + 1 for the presented token found but left as it was (already used).
    query = scriptedQuery({ SELECT: [[storedRow()]], INSERT: [{ affectedRows: 2 }], DELETE: [{}] });
    await expect(service().rotate('token', client)).rejects.toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
    const successor = paramsOf(query, 1)[4];
    expect(query.mock.calls[2]).toEqual([
      'DELETE FROM refresh_tokens WHERE token_hash = ? AND used_at IS NULL',
      [successor],
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('should refuse a revoked session without writing anything', async () => {
    query = scriptedQuery({ SELECT: [[storedRow({ revokedAt: new Date() })]] });
    await expect(service().rotate('token', client)).rejects.toBeInstanceOf(DomainError);
    expect(query).toHaveBeenCalledTimes(1);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('should run a rotation once more when InnoDB chose its reuse revocation as a deadlock victim', async () => {
    query = scriptedQuery({
      SELECT: [
        [storedRow({ usedAt: new Date() })],
        [storedRow({ usedAt: new Date(), revokedAt: new Date() })],
      ],
    });
    transaction.mockRejectedValueOnce(deadlock());
    await expect(service().rotate('token', client)).rejects.toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('should not retry other database errors', async () => {
    query = scriptedQuery({
      SELECT: [new QueryFailedError('SELECT', [], Object.assign(new Error('gone'), { errno: 2006 }))],
    });
    await expect(service().rotate('token', client)).rejects.toBeInstanceOf(QueryFailedError);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('should run a logout once more when InnoDB chose it as a deadlock victim against a rotation', async () => {
    query = scriptedQuery({});
    transaction.mockRejectedValueOnce(deadlock()).mockResolvedValueOnce(undefined);
    await expect(service().endByRefreshToken('token')).resolves.toBeUndefined();
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('should retry a deadlock only once', async () => {
    query = scriptedQuery({
      SELECT: [[storedRow({ usedAt: new Date() })], [storedRow({ usedAt: new Date() })]],
    });
    transaction.mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock());
    await expect(service().rotate('token', client)).rejects.toBeInstanceOf(QueryFailedError);
    expect(transaction).toHaveBeenCalledTimes(2);
  });
});
