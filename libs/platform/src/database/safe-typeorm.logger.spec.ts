import { Logger } from '@nestjs/common';

import { SafeTypeOrmLogger } from './safe-typeorm.logger';

describe('SafeTypeOrmLogger', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('should warn, not error, when the query was a deadlock victim (its caller replays it)', () => {
    const victim = Object.assign(
      new Error('Deadlock found when trying to get lock; try restarting transaction'),
      { errno: 1213, code: 'ER_LOCK_DEADLOCK' },
    );
    new SafeTypeOrmLogger().logQueryError(victim, 'UPDATE sessions SET revoked_at = ? WHERE id IN (?)');
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      'Query rolled back as a deadlock victim: UPDATE sessions SET revoked_at = ? WHERE id IN (?)',
    );
  });

  it('should log any other failure as an error, with the statement text', () => {
    const failure = Object.assign(new Error("Duplicate entry 'x' for key 'PRIMARY'"), {
      errno: 1062,
      code: 'ER_DUP_ENTRY',
    });
    new SafeTypeOrmLogger().logQueryError(failure, 'INSERT INTO users (id, phone) VALUES (?, ?)');
    expect(warn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(
      "Query failed: Duplicate entry 'x' for key 'PRIMARY' | INSERT INTO users (id, phone) VALUES (?, ?)",
    );
  });
});
