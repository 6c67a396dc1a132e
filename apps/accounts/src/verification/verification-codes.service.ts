import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';
import { codeAttemptsExhausted, codeExpired, codeWrong, resendTooSoon } from './verification.errors';
import { VerificationCodeEntity, type CodeChannel, type CodePurpose } from './verification-code.entity';

/**
 * One-time codes: 6 random digits, stored as HMAC(key, id:code), short expiry, bounded attempts and a resend
 * cooldown. Issuing replaces the previous code of the same user and purpose.
 */
@Injectable()
export class VerificationCodesService {
  constructor(
    @Inject(ACCOUNTS_ENV) private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  /** Returns the plaintext code for delivery; it is never stored. */
  async issue(manager: EntityManager, userId: string, purpose: CodePurpose, channel: CodeChannel): Promise<string> {
    const now = this.clock.now();
    const existing = await manager.findOne(VerificationCodeEntity, {
      where: { userId, purpose },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing !== null) {
      const wait = Math.ceil((existing.sentAt.getTime() + this.env.CODE_RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000);
      if (wait > 0) throw resendTooSoon(wait);
    }
    const entity = existing ?? Object.assign(new VerificationCodeEntity(), { userId, purpose });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    entity.channel = channel;
    entity.codeHash = this.digest(entity.id, code);
    entity.attempts = 0;
    entity.sentAt = now;
    entity.expiresAt = new Date(now.getTime() + this.env.CODE_TTL_SECONDS * 1000);
    entity.consumedAt = null;
    await manager.save(entity);
    return code;
  }

  /**
   * Consumes the code or throws. A wrong guess is counted in its own committed write (`recordMiss`) by the
   * caller's transaction boundary, so the attempt limit holds even though the request fails.
   */
  async consume(manager: EntityManager, userId: string, purpose: CodePurpose, code: string): Promise<'ok' | number> {
    const entity = await manager.findOne(VerificationCodeEntity, {
      where: { userId, purpose },
      lock: { mode: 'pessimistic_write' },
    });
    if (entity === null || entity.consumedAt !== null || entity.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw codeExpired();
    }
    if (entity.attempts >= this.env.CODE_MAX_ATTEMPTS) throw codeAttemptsExhausted();
    const expected = Buffer.from(entity.codeHash, 'hex');
    const actual = Buffer.from(this.digest(entity.id, code), 'hex');
    if (!timingSafeEqual(expected, actual)) {
      entity.attempts += 1;
      await manager.save(entity);
      return this.env.CODE_MAX_ATTEMPTS - entity.attempts;
    }
    entity.consumedAt = this.clock.now();
    await manager.save(entity);
    return 'ok';
  }

  static wrong(attemptsLeft: number): Error {
    return attemptsLeft > 0 ? codeWrong(attemptsLeft) : codeAttemptsExhausted();
  }

  private digest(id: string, code: string): string {
    return createHmac('sha256', this.env.CODE_HASH_KEY).update(`${id}:${code}`).digest('hex');
  }
}
