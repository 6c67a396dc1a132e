import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { SessionCheckUnavailableError } from '../errors/platform.errors';

export const SESSION_REVOCATIONS = Symbol('SESSION_REVOCATIONS');

/** How long one revocation-list read may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 300;
/**
 * Reads per check before the request is refused (fail closed). A second read covers the spurious timeout of an
 * event loop that stalled past the timeout while the answer sat in the socket (timers run before I/O): seen on a
 * loaded 2-core machine. A Redis that is down fails both reads at once (no offline queue).
 */
const CHECK_ATTEMPTS = 2;

/**
 * The shared list of ended sessions, in Redis: accounts writes every revoked session id (fed by
 * `accounts.session.revoked`) for as long as an access token of it can live; every service's access guard reads
 * it for the token's `sid`. Unreachable Redis fails closed: the read throws 503 `SESSION_CHECK.UNAVAILABLE` at
 * once (no offline queue, a 300 ms command timeout, one retry), since any token might have been revoked meanwhile; tokens
 * live five minutes at most, so the outage is the only bound needed and nothing stale is honoured after it.
 */
export class SessionRevocations implements OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);

  constructor(
    private readonly redis: Redis,
    /** One namespace for every service (writer and readers must agree); session ids are random UUIDs. */
    private readonly prefix = 'exam-platform:',
  ) {
    redis.on('error', (error: unknown) => {
      this.logger.warn(`revocation list unreachable: ${String(error)}`);
    });
  }

  static connect(url: string): SessionRevocations {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: CHECK_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    return new SessionRevocations(redis);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.redis.exists(this.key(sessionId))) === 1;
      } catch {
        if (attempt >= CHECK_ATTEMPTS) throw new SessionCheckUnavailableError();
      }
    }
  }

  /** `ttlSeconds`: at least the longest an access token of these sessions can still be valid. */
  async revoke(sessionIds: readonly string[], ttlSeconds: number): Promise<void> {
    if (sessionIds.length === 0) return;
    const batch = this.redis.multi();
    for (const id of sessionIds) batch.set(this.key(id), '1', 'EX', Math.ceil(ttlSeconds));
    const results = await batch.exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null || failed !== undefined) throw failed ?? new Error('revocation batch discarded');
  }

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for a connection that may never come back; an outage must not hold the shutdown.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }

  private key(sessionId: string): string {
    return `${this.prefix}revoked-session:${sessionId}`;
  }
}
