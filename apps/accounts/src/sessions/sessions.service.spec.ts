import type { EventPublisher } from '@exam/platform';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';
import type { IpRegionResolver } from './region/ip-region.resolver';
import { SessionsService, type RotatedSession } from './sessions.service';

function deadlock(): QueryFailedError {
  return new QueryFailedError('UPDATE sessions …', [], Object.assign(new Error('Deadlock found'), { errno: 1213 }));
}

describe(SessionsService.name, () => {
  const rotated: RotatedSession = {
    sessionId: 's',
    userId: 'u',
    refreshToken: 't',
    expiresAt: new Date(),
    roles: ['candidate'],
    active: true,
  };
  const client = { ip: '127.0.0.1', userAgent: 'jest', deviceId: undefined };
  let transaction: jest.Mock;
  let sut: SessionsService;

  beforeEach(() => {
    transaction = jest.fn();
    const regions: IpRegionResolver = { regionOf: () => null };
    sut = new SessionsService(
      { transaction } as unknown as DataSource,
      {} as EventPublisher,
      new Clock(),
      {} as AccountsEnv,
      regions,
    );
  });

  it('should run a rotation once more when InnoDB chose it as a deadlock victim', async () => {
    transaction.mockRejectedValueOnce(deadlock()).mockResolvedValueOnce(rotated);
    await expect(sut.rotate('token', client)).resolves.toBe(rotated);
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('should not retry other database errors', async () => {
    transaction.mockRejectedValueOnce(new QueryFailedError('SELECT', [], Object.assign(new Error('gone'), { errno: 2006 })));
    await expect(sut.rotate('token', client)).rejects.toBeInstanceOf(QueryFailedError);
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('should retry a deadlock only once', async () => {
    transaction.mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock());
    await expect(sut.rotate('token', client)).rejects.toBeInstanceOf(QueryFailedError);
    expect(transaction).toHaveBeenCalledTimes(2);
  });
});
