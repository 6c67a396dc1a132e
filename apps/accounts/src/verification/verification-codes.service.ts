import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

import { Clock, DomainError, retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { type CodeLimits, currentDay, guessesLeft, mayIssue } from './code-limits.policy';
import {
  CodeAttemptsExhaustedError,
  CodeDailyLimitError,
  CodeExpiredError,
  CodeWrongError,
  ResendTooSoonError,
} from './verification.errors';
import { type CodeChannel, type CodePurpose, VerificationCodeEntity } from './verification-code.entity';
import { VerificationCodeRepository } from './verification-code.repository';

export interface IssuedCode {
  readonly id: string;
  readonly code: string;
}

/** What a guess found: 'ok' (the code matches), else the guesses left (0: none). */
export type CodeCheck = 'ok' | number;

/**
 * One-time codes: 6 random digits, stored as HMAC(key, id:code), short expiry, bounded attempts and a resend
 * cooldown. Issuing replaces the previous code of the same user and purpose, but never its daily counters:
 * codes sent and wrong guesses per account and purpose are capped per day, and the cooldown grows with each
 * code sent, so re-issuing never buys more guesses.
 */
@Injectable()
export class VerificationCodesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: VerificationCodeRepository,
    private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  /** Returns the code's id and the plaintext code for delivery; the code itself is never stored. */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: CodePurpose,
    channel: CodeChannel,
  ): Promise<IssuedCode> {
    const now = this.clock.now();
    const existing = await this.codes.lockOf(manager, userId, purpose);
    const day = currentDay(existing ?? { dayStartedAt: null, issuedToday: 0, wrongToday: 0 }, now);
    const decision = mayIssue(this.limits(), day, existing?.sentAt ?? null, now);
    if (!decision.allowed) {
      throw decision.reason === 'cooldown'
        ? new ResendTooSoonError(decision.waitSeconds)
        : new CodeDailyLimitError(decision.waitSeconds);
    }
    const entity = existing ?? Object.assign(new VerificationCodeEntity(), { userId, purpose });
    entity.dayStartedAt = day.dayStartedAt;
    entity.issuedToday = day.issuedToday + 1;
    entity.wrongToday = day.wrongToday;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    entity.channel = channel;
    entity.codeHash = this.digest(entity.id, code);
    entity.attempts = 0;
    entity.sentAt = now;
    entity.expiresAt = new Date(now.getTime() + this.env.CODE_TTL_SECONDS * 1000);
    entity.consumedAt = null;
    await this.codes.save(manager, entity);
    return { id: entity.id, code };
  }

  /** The live (unconsumed, unexpired) code of a purpose by its id, for flows that refer to it by challenge id. */
  async findLive(
    manager: EntityManager,
    id: string,
    purpose: CodePurpose,
  ): Promise<VerificationCodeEntity | null> {
    const entity = await this.codes.findById(manager, id, purpose);
    if (
      entity === null ||
      entity.consumedAt !== null ||
      entity.expiresAt.getTime() <= this.clock.now().getTime()
    )
      return null;
    return entity;
  }

  /**
   * 'ok' when the code matches (it is consumed), else the guesses left. A wrong guess is counted rather than
   * thrown so the caller can commit the count and only then fail the request: the limit holds across requests.
   */
  async consume(
    manager: EntityManager,
    userId: string,
    purpose: CodePurpose,
    code: string,
  ): Promise<CodeCheck> {
    const outcome = await this.check(manager, userId, purpose, code);
    if (outcome !== 'ok') return outcome;
    await this.codes.markConsumed(manager, userId, purpose, this.clock.now());
    return 'ok';
  }

  /**
   * Whether `code` is the user's live code for `purpose`, in a transaction of its own so that a wrong guess is
   * counted (committed) before the caller answers; no live code or no guess left is simply "no". The code stays
   * live (see check).
   */
  async matchesCommitted(userId: string, purpose: CodePurpose, code: string): Promise<boolean> {
    try {
      const outcome = await retryOnDeadlock(() =>
        this.dataSource.transaction((manager) => this.check(manager, userId, purpose, code)),
      );
      return outcome === 'ok';
    } catch (error: unknown) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  /**
   * Like consume, but a matching code stays live (for a flow that still has to check the rest of the request
   * before it acts). A wrong guess is counted against the code and the day. Throws when no live code exists or
   * no guess is left.
   */
  async check(
    manager: EntityManager,
    userId: string,
    purpose: CodePurpose,
    code: string,
  ): Promise<CodeCheck> {
    const now = this.clock.now();
    const entity = await this.codes.lockOf(manager, userId, purpose);
    if (entity === null || entity.consumedAt !== null || entity.expiresAt.getTime() <= now.getTime()) {
      throw new CodeExpiredError();
    }
    const day = currentDay(entity, now);
    if (guessesLeft(this.limits(), this.env.CODE_MAX_ATTEMPTS, entity.attempts, day) <= 0)
      throw new CodeAttemptsExhaustedError();
    const expected = Buffer.from(entity.codeHash, 'hex');
    const actual = Buffer.from(this.digest(entity.id, code), 'hex');
    if (timingSafeEqual(expected, actual)) return 'ok';
    entity.attempts += 1;
    entity.dayStartedAt = day.dayStartedAt;
    entity.issuedToday = day.issuedToday;
    entity.wrongToday = day.wrongToday + 1;
    await this.codes.save(manager, entity);
    return guessesLeft(this.limits(), this.env.CODE_MAX_ATTEMPTS, entity.attempts, entity);
  }

  /**
   * Consumes a live code without its digits, for a flow completed by another proof (a face check bound to this
   * code's id). False when it was consumed or expired meanwhile.
   */
  async consumeById(manager: EntityManager, id: string, purpose: CodePurpose): Promise<boolean> {
    return this.codes.consumeLiveById(manager, id, purpose, this.clock.now());
  }

  static wrong(attemptsLeft: number): DomainError {
    return attemptsLeft > 0 ? new CodeWrongError(attemptsLeft) : new CodeAttemptsExhaustedError();
  }

  private limits(): CodeLimits {
    return {
      resendCooldownSeconds: this.env.CODE_RESEND_COOLDOWN_SECONDS,
      maxIssuedPerDay: this.env.CODE_MAX_ISSUED_PER_DAY,
      maxWrongPerDay: this.env.CODE_MAX_WRONG_PER_DAY,
    };
  }

  private digest(id: string, code: string): string {
    return createHmac('sha256', this.env.CODE_HASH_KEY).update(`${id}:${code}`).digest('hex');
  }
}
