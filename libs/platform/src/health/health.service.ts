import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ErrorDetail } from '../errors/domain-error';
import { KafkaConnection } from '../messaging/kafka-connection';
import { ServiceNotReadyError } from './health.errors';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`));
    }, CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

export interface HealthStatus {
  readonly status: 'ok';
  readonly checks?: Readonly<Record<string, 'up'>>;
}

/** Readiness: the service's database and Kafka answer right now, each within two seconds. */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
  ) {}

  async ready(): Promise<HealthStatus> {
    const [database, kafka] = await Promise.allSettled([
      withTimeout(this.dataSource.query('SELECT 1'), 'database'),
      withTimeout(
        this.kafka.getAdmin().then((admin) => admin.describeCluster()),
        'kafka',
      ),
    ]);
    const problems: ErrorDetail[] = [];
    if (database.status === 'rejected') problems.push({ field: 'database', reason: 'unreachable' });
    if (kafka.status === 'rejected') {
      problems.push({ field: 'kafka', reason: 'unreachable' });
      await this.kafka.resetAdmin();
    }
    if (problems.length > 0) throw new ServiceNotReadyError(problems);
    return { status: 'ok', checks: { database: 'up', kafka: 'up' } };
  }
}
