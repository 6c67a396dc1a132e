import { QueryFailedError } from 'typeorm';

import { isDeadlock, retryOnDeadlock } from './deadlock-retry';

const deadlock = (): QueryFailedError =>
  new QueryFailedError(
    'UPDATE sessions …',
    [],
    Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 }),
  );
const duplicate = (): QueryFailedError =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('Duplicate entry'), { errno: 1062 }));

describe(retryOnDeadlock.name, () => {
  it('should replay a transaction chosen as deadlock victim and return its result', async () => {
    let calls = 0;
    const result = await retryOnDeadlock(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(deadlock()) : Promise.resolve('done');
    });

    expect({ result, calls }).toEqual({ result: 'done', calls: 2 });
  });

  it('should give up after the attempts and pass other errors through at once', async () => {
    let deadlocks = 0;
    await expect(
      retryOnDeadlock(() => {
        deadlocks += 1;
        return Promise.reject(deadlock());
      }, 3),
    ).rejects.toThrow('Deadlock');
    let duplicates = 0;
    await expect(
      retryOnDeadlock(() => {
        duplicates += 1;
        return Promise.reject(duplicate());
      }),
    ).rejects.toThrow('Duplicate');

    expect({ deadlocks, duplicates }).toEqual({ deadlocks: 3, duplicates: 1 });
  });

  it('should recognise deadlocks by the driver error number only', () => {
    expect([deadlock(), duplicate(), new Error('Deadlock found'), undefined].map(isDeadlock)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
