import { Topics } from '@exam/contracts';
import { EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';

import { ContactChangeEntity } from '../contacts/contact-change.entity';
import { CurrentPasswordWrongError } from '../credentials/credentials.errors';
import { PasswordHasher } from '../credentials/password-hasher';
import { InstitutionEntity } from '../institutions/institution.entity';
import { InvitationEntity } from '../institutions/invitation.entity';
import { MembershipEntity } from '../institutions/membership.entity';
import { ConsentEntity } from '../privacy/consent.entity';
import { ConsentChangeEntity } from '../privacy/consent-change.entity';
import { PolicyAcceptanceEntity } from '../privacy/policy-acceptance.entity';
import { RefreshTokenEntity } from '../sessions/refresh-token.entity';
import { SessionEntity } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';
import { VerificationCodeEntity } from '../verification/verification-code.entity';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { AccountNotFoundError, SoleInstitutionAdminError } from './privacy-requests.errors';

/** Personal information requests must be answered within 15 days; other services erase within this deadline. */
export const PRIVACY_REQUEST_DEADLINE_MS = 15 * 86_400_000;

export interface AccountErased {
  readonly requestId: string;
  readonly erasedAt: Date;
  readonly deadline: Date;
  readonly endedSessions: number;
}

/**
 * Account cancellation (注销). In one transaction: every session ends, every personal field of the user row is
 * cleared (the row stays as a tombstone so the id is never reused), the user's rows in every other accounts table
 * are deleted, and `accounts.erasure.requested` is staged so every other service erases what it holds.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async erase(userId: string, currentPassword: string): Promise<AccountErased> {
    const found = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (found === null || found.status === 'erased') throw new AccountNotFoundError();
    if (!(await this.hasher.check(found.passwordHash, currentPassword)).matches)
      throw new CurrentPasswordWrongError();
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const user = await manager.findOne(UserEntity, {
          where: { id: userId },
          lock: { mode: 'pessimistic_write' },
        });
        if (user === null || user.status === 'erased') throw new AccountNotFoundError();
        await this.assertNotSoleAdmin(manager, userId);
        const now = this.clock.now();
        const endedSessions = await this.endSessions(manager, userId);
        await this.leaveInstitutions(manager, userId);
        await this.deleteOwnedRows(manager, userId);
        await this.anonymize(manager, userId, now);
        const deadline = new Date(now.getTime() + PRIVACY_REQUEST_DEADLINE_MS);
        const request = Object.assign(new PrivacyRequestEntity(), {
          userId,
          kind: 'erasure' as const,
          requestedAt: now,
          deadlineAt: deadline,
          completedAt: now,
        });
        await manager.insert(PrivacyRequestEntity, request);
        await this.events.stage(manager, Topics.ErasureRequested, {
          subjectId: userId,
          payload: { userId, requestId: request.id, deadline: deadline.toISOString() },
        });
        return { requestId: request.id, erasedAt: now, deadline, endedSessions };
      }),
    );
  }

  /** An institution must never be left without an administrator; its members would be stranded. */
  private async assertNotSoleAdmin(manager: EntityManager, userId: string): Promise<void> {
    const adminOf = await manager.find(MembershipEntity, { where: { userId, role: 'org_admin' } });
    if (adminOf.length === 0) return;
    const institutionIds = adminOf.map((m) => m.institutionId);
    const admins = await manager.find(MembershipEntity, {
      where: { institutionId: In(institutionIds), role: 'org_admin' },
      lock: { mode: 'pessimistic_write' },
    });
    const sole = institutionIds.filter((id) => admins.filter((a) => a.institutionId === id).length <= 1);
    if (sole.length === 0) return;
    const institutions = await manager.find(InstitutionEntity, {
      where: { id: In(sole) },
      select: { id: true, name: true },
    });
    throw new SoleInstitutionAdminError(institutions.map((i) => ({ institutionId: i.id, name: i.name })));
  }

  /** Ends every live session (published), then deletes all of them with their refresh tokens. */
  private async endSessions(manager: EntityManager, userId: string): Promise<number> {
    const live = await manager.count(SessionEntity, { where: { userId, revokedAt: IsNull() } });
    await this.sessions.endAllWithin(manager, userId, 'account_erased');
    const sessionIds = (await manager.find(SessionEntity, { where: { userId }, select: { id: true } })).map(
      (s) => s.id,
    );
    if (sessionIds.length > 0) {
      await manager.delete(RefreshTokenEntity, { sessionId: In(sessionIds) });
      await manager.delete(SessionEntity, { id: In(sessionIds) });
    }
    return live;
  }

  private async leaveInstitutions(manager: EntityManager, userId: string): Promise<void> {
    const memberships = await manager.find(MembershipEntity, { where: { userId } });
    for (const membership of memberships) {
      await manager.delete(MembershipEntity, { id: membership.id });
      await this.events.stage(manager, Topics.MembershipChanged, {
        subjectId: userId,
        payload: {
          userId,
          institutionId: membership.institutionId,
          role: membership.role,
          change: 'revoked',
        },
      });
    }
  }

  /**
   * Consent and acceptance history go too: the audit chain keeps the published consent changes, which is the
   * record a regulator asks for. Invitations the user accepted carry their phone or email (encrypted).
   */
  private async deleteOwnedRows(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(ContactChangeEntity, { userId });
    await manager.delete(VerificationCodeEntity, { userId });
    await manager.delete(ConsentEntity, { userId });
    await manager.delete(ConsentChangeEntity, { userId });
    await manager.delete(PolicyAcceptanceEntity, { userId });
    await manager.delete(InvitationEntity, { acceptedBy: userId });
  }

  /**
   * Plain UPDATE with NULLs: nothing is encrypted, so the field-encryption subscriber has nothing to do, and the
   * blind indexes go with the values, which frees the phone, email and user name for a new registration.
   */
  private async anonymize(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE users SET username = NULL, nickname = '', phone = NULL, phone_bidx = NULL, email = NULL, email_bidx = NULL,
              password_hash = '', full_name = NULL, job_title = NULL, company = NULL, education = NULL, roles = '[]',
              failed_logins = 0, last_failed_at = NULL, locked_until = NULL, review_locked_at = NULL, review_lock_reason = NULL,
              step_up_required = 0, status = 'erased', erased_at = ?
        WHERE id = ?`,
      [now, userId],
    );
  }
}
