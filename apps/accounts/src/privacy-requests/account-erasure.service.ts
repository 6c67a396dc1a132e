import { Topics } from '@exam/contracts';
import { Clock, EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PasswordRecheck } from '../auth/password-recheck';
import { ContactChangeRepository } from '../contacts/contact-change.repository';
import { InstitutionRepository } from '../institutions/institution.repository';
import { InvitationRepository } from '../institutions/invitation.repository';
import { MembershipRepository } from '../institutions/membership.repository';
import { ConsentRepository } from '../privacy/consent.repository';
import { PolicyAcceptanceRepository } from '../privacy/policy-acceptance.repository';
import { SessionRepository } from '../sessions/session.repository';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { VerificationCodeRepository } from '../verification/verification-code.repository';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { PrivacyRequestRepository } from './privacy-request.repository';
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
    private readonly users: UsersRepository,
    private readonly sessionRows: SessionRepository,
    private readonly memberships: MembershipRepository,
    private readonly institutions: InstitutionRepository,
    private readonly invitations: InvitationRepository,
    private readonly codes: VerificationCodeRepository,
    private readonly contactChanges: ContactChangeRepository,
    private readonly consents: ConsentRepository,
    private readonly acceptances: PolicyAcceptanceRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly recheck: PasswordRecheck,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async erase(userId: string, currentPassword: string): Promise<AccountErased> {
    const found = await this.users.findById(userId);
    if (found === null || found.status === 'erased') throw new AccountNotFoundError();
    await this.recheck.confirm(found, currentPassword);
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const user = await this.users.lockById(manager, userId);
        if (user === null || user.status === 'erased') throw new AccountNotFoundError();
        await this.assertNotSoleAdmin(manager, userId);
        const now = this.clock.now();
        const endedSessions = await this.endSessions(manager, userId);
        await this.leaveInstitutions(manager, userId);
        await this.deleteOwnedRows(manager, userId);
        await this.users.anonymize(manager, userId, now);
        const deadline = new Date(now.getTime() + PRIVACY_REQUEST_DEADLINE_MS);
        const request = Object.assign(new PrivacyRequestEntity(), {
          userId,
          kind: 'erasure' as const,
          requestedAt: now,
          deadlineAt: deadline,
          completedAt: now,
        });
        await this.requests.insert(manager, request);
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
    const adminOf = await this.memberships.adminRolesOf(manager, userId);
    if (adminOf.length === 0) return;
    const institutionIds = adminOf.map((m) => m.institutionId);
    const admins = await this.memberships.lockAdmins(manager, institutionIds);
    const sole = institutionIds.filter((id) => admins.filter((a) => a.institutionId === id).length <= 1);
    if (sole.length === 0) return;
    const institutions = await this.institutions.namesOf(manager, sole);
    throw new SoleInstitutionAdminError(institutions.map((i) => ({ institutionId: i.id, name: i.name })));
  }

  /** Ends every live session (published), then deletes all of them with their refresh tokens. */
  private async endSessions(manager: EntityManager, userId: string): Promise<number> {
    const live = await this.sessionRows.countUnrevoked(manager, userId);
    await this.sessions.endAllWithin(manager, userId, 'account_erased');
    await this.sessionRows.deleteAllOfUser(manager, userId);
    return live;
  }

  private async leaveInstitutions(manager: EntityManager, userId: string): Promise<void> {
    const memberships = await this.memberships.allOfUser(manager, userId);
    for (const membership of memberships) {
      await this.memberships.delete(manager, membership.id);
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
    await this.contactChanges.deleteOfUser(manager, userId);
    await this.codes.deleteAllOfUser(manager, userId);
    await this.consents.deleteAllOfUser(manager, userId);
    await this.acceptances.deleteAllOfUser(manager, userId);
    await this.invitations.deleteAcceptedBy(manager, userId);
  }
}
