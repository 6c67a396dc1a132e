import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

/**
 * Stands in for the DataSource a service opens its transactions with: runs the work with a placeholder manager
 * (the in-memory repositories ignore it), or fails the next transactions with the errors queued in `failNext`.
 */
export class FakeTransactions {
  readonly failNext: Error[] = [];
  opened = 0;

  asDataSource(): DataSource {
    const transaction = async <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => {
      this.opened += 1;
      const failure = this.failNext.shift();
      if (failure !== undefined) throw failure;
      return work({} as EntityManager);
    };
    return Object.assign(Object.create(DataSource.prototype) as DataSource, { transaction });
  }
}

/** An InnoDB deadlock as TypeORM reports it. */
export function deadlockError(): QueryFailedError {
  return new QueryFailedError(
    'UPDATE sessions …',
    [],
    Object.assign(new Error('Deadlock found'), { errno: 1213 }),
  );
}
