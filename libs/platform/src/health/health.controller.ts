import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Public } from '../auth/access.decorators';
import { DomainError } from '../errors/domain-error';
import { HealthErrorCode } from '../errors/platform.error-codes';
import { KafkaConnection } from '../messaging/kafka-connection';

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

/** Liveness says the process runs; readiness says its database and Kafka answer right now. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
  ) {}

  @Get('live')
  live(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<HealthStatus> {
    const [database, kafka] = await Promise.allSettled([
      withTimeout(this.dataSource.query('SELECT 1'), 'database'),
      withTimeout(
        this.kafka.getAdmin().then((admin) => admin.describeCluster()),
        'kafka',
      ),
    ]);
    const problems: { field: string; reason: string }[] = [];
    if (database.status === 'rejected') problems.push({ field: 'database', reason: 'unreachable' });
    if (kafka.status === 'rejected') {
      problems.push({ field: 'kafka', reason: 'unreachable' });
      await this.kafka.resetAdmin();
    }
    if (problems.length > 0) {
      throw new DomainError(
        HealthErrorCode.NOT_READY,
        'Service is not ready: a dependency is unreachable.',
        problems,
      );
    }
    return { status: 'ok', checks: { database: 'up', kafka: 'up' } };
  }
}
