import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

import { isDeadlockDriverError } from './deadlock-retry';

/**
 * Logs query failures without their parameters: parameters can hold personal data
 * (ciphertexts, blind indexes, contact details) and must never reach a log line.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    /* queries are not logged: parameters may be personal data */
  }
  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    // A deadlock victim is replayed by its caller (retryOnDeadlock); one that outlives the replays is answered
    // 503 SERVICE.BUSY (a transient condition, logged by the exception filter). Neither is a fault, so neither
    // is an error here: error logs stay worth paging on.
    if (isDeadlockDriverError(error))
      this.logger.warn(`Query rolled back as a deadlock victim: ${query.slice(0, 200)}`);
    else this.logger.error(`Query failed: ${message.slice(0, 300)} | ${query.slice(0, 200)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${query.slice(0, 200)}`);
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
