import { maskSensitiveNumbers } from '@exam/crypto';
import type { LoggerService } from '@nestjs/common';

import type { LogLevel } from '../config/base-service.env';
import { currentTraceId, hasContext } from '../context/request-context';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

type Sink = (line: string) => void;

/** Structured JSON lines on stdout, one per event, with the service and the current trace id. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly level: LogLevel = 'info',
    private readonly sink: Sink = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (RANK[level] < RANK[this.level]) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      msg: message instanceof Error ? message.message : message,
    };
    if (hasContext()) entry.traceId = currentTraceId();
    if (stack !== undefined) entry.stack = stack;
    const line = JSON.stringify(entry);
    // Safety net: a log line never carries a full ID, phone or card number, whatever the caller passed.
    this.sink(maskSensitiveNumbers(line)?.text ?? line);
  }
}
