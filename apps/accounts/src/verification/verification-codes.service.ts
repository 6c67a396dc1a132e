import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

import type { DomainError } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import {
  CodeAttemptsExhaustedError,
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

/**
 * One-time codes: 6 random digits, stored as HMAC(key, id:code), short expiry, bounded attempts and a resend
 * cooldown. Issuing replaces the previous code of the same user and purpose.
 */
@Injectable()
export class VerificationCodesService {
  constructor(
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
    if (existing !== null) {
      const wait = Math.ceil(
        (existing.sentAt.getTime() + this.env.CODE_RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000,
      );
      if (wait > 0) throw new ResendTooSoonError(wait);
    }
    const entity = existing ?? Object.assign(new VerificationCodeEntity(), { userId, purpose });
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
   * 'ok' when the code matches (it is consumed), else the attempts left. A wrong guess is counted rather than
   * thrown so the caller can commit the count and only then fail the request: the limit holds across requests.
   */
  async consume(
    manager: EntityManager,
    userId: string,
    purpose: CodePurpose,
    code: string,
  ): Promise<'ok' | number> {
    const entity = await this.codes.lockOf(manager, userId, purpose);
    if (
      entity === null ||
      entity.consumedAt !== null ||
      entity.expiresAt.getTime() <= this.clock.now().getTime()
    ) {
      throw new CodeExpiredError();
    }
    if (entity.attempts >= this.env.CODE_MAX_ATTEMPTS) throw new CodeAttemptsExhaustedError();
    const expected = Buffer.from(entity.codeHash, 'hex');
    const actual = Buffer.from(this.digest(entity.id, code), 'hex');
    if (!timingSafeEqual(expected, actual)) {
      entity.attempts += 1;
      await this.codes.save(manager, entity);
      return this.env.CODE_MAX_ATTEMPTS - entity.attempts;
    }
    entity.consumedAt = this.clock.now();
    await this.codes.save(manager, entity);
    return 'ok';
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

  private digest(id: string, code: string): string {
    return createHmac('sha256', this.env.CODE_HASH_KEY).update(`${id}:${code}`).digest('hex');
  }
}
