import { CONSENT_PURPOSES } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ContactChangeRepository } from '../contacts/contact-change.repository';
import { InstitutionRepository } from '../institutions/institution.repository';
import { MembershipRepository } from '../institutions/membership.repository';
import { ConsentRepository } from '../privacy/consent.repository';
import { PolicyAcceptanceRepository } from '../privacy/policy-acceptance.repository';
import { sessionViewOf } from '../sessions/dto/session-response.dto';
import { SessionRepository } from '../sessions/session.repository';
import { UsersRepository } from '../users/users.repository';
import { VerificationCodeRepository } from '../verification/verification-code.repository';
import {
  ExportedConsentDto,
  ExportedContactChangeDto,
  ExportedProfileDto,
  ExportedSecurityStateDto,
  PersonalDataExportDto,
} from './dto/privacy-requests.dto';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { AccountNotFoundError } from './privacy-requests.errors';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
/** Bounds for the lists that grow with use; the newest rows come first. */
const MAX_ROWS = 1000;

/**
 * Gathers every row the accounts service holds about one user, and nothing about anyone else: every query is
 * keyed by that user's id (institution names are the only foreign data, and only for the user's memberships).
 */
@Injectable()
export class PersonalDataExportBuilder {
  constructor(
    private readonly users: UsersRepository,
    private readonly consentRows: ConsentRepository,
    private readonly acceptanceRows: PolicyAcceptanceRepository,
    private readonly sessionRows: SessionRepository,
    private readonly membershipRows: MembershipRepository,
    private readonly institutions: InstitutionRepository,
    private readonly codeRows: VerificationCodeRepository,
    private readonly contactChanges: ContactChangeRepository,
    private readonly requestRows: PrivacyRequestRepository,
    private readonly clock: Clock,
  ) {}

  async build(manager: EntityManager, userId: string): Promise<PersonalDataExportDto> {
    const user = await this.users.findByIdIn(manager, userId);
    if (user === null || user.status === 'erased') throw new AccountNotFoundError();
    const [consents, history, acceptances, sessions, memberships, codes, contactChange, reveals, requests] =
      await Promise.all([
        this.consentRows.listOfUserIn(manager, userId),
        this.consentRows.historyOfUser(manager, userId, MAX_ROWS),
        this.acceptanceRows.listOfUser(manager, userId, MAX_ROWS),
        this.sessionRows.listOfUser(manager, userId, MAX_ROWS),
        this.membershipRows.listOfUser(manager, userId, MAX_ROWS),
        this.codeRows.listOfUser(manager, userId),
        this.contactChanges.findOfUser(manager, userId),
        this.requestRows.revealsOf(manager, userId, MAX_ROWS),
        this.requestRows.listOfUser(manager, userId, MAX_ROWS),
      ]);
    const institutionIds = [...new Set(memberships.map((m) => m.institutionId))];
    const institutions = await this.institutions.namesOf(manager, institutionIds);
    const names = new Map(institutions.map((i) => [i.id, i.name]));
    const consentOf = (
      row: { purpose: ExportedConsentDto['purpose']; granted: boolean; policyVersion: string | null },
      at: Date,
    ): ExportedConsentDto =>
      Object.assign(new ExportedConsentDto(), {
        purpose: row.purpose,
        granted: row.granted,
        policyVersion: row.policyVersion,
        at: at.toISOString(),
      });

    return Object.assign(new PersonalDataExportDto(), {
      format: 'exam-platform/accounts-personal-data/v1' as const,
      exportedAt: this.clock.now().toISOString(),
      profile: Object.assign(new ExportedProfileDto(), {
        userId: user.id,
        username: user.username,
        nickname: user.nickname,
        phone: user.phone,
        email: user.email,
        fullName: user.fullName,
        jobTitle: user.jobTitle,
        company: user.company,
        education: user.education,
        status: user.status,
        roles: user.roles,
        createdAt: user.createdAt.toISOString(),
        activatedAt: iso(user.activatedAt),
      }),
      security: Object.assign(new ExportedSecurityStateDto(), {
        failedLogins: user.failedLogins,
        lastFailedAt: iso(user.lastFailedAt),
        lockedUntil: iso(user.lockedUntil),
        reviewLockedAt: iso(user.reviewLockedAt),
        reviewLockReason: user.reviewLockReason,
        stepUpRequired: user.stepUpRequired,
      }),
      consents: CONSENT_PURPOSES.flatMap((purpose) =>
        consents.filter((c) => c.purpose === purpose).map((c) => consentOf(c, c.updatedAt)),
      ),
      consentHistory: history.map((h) => consentOf(h, h.changedAt)),
      policyAcceptances: acceptances.map((a) => ({
        version: a.version,
        acceptedAt: a.acceptedAt.toISOString(),
      })),
      sessions: sessions.map((s) => ({
        ...sessionViewOf(s),
        expiresAt: s.expiresAt.toISOString(),
        revokedAt: iso(s.revokedAt),
        revokeReason: s.revokeReason,
      })),
      memberships: memberships.map((m) => ({
        institutionId: m.institutionId,
        institutionName: names.get(m.institutionId) ?? '',
        role: m.role,
        since: m.createdAt.toISOString(),
      })),
      // The code itself is never stored (only its keyed hash, which is no one's personal data): metadata only.
      verificationCodes: codes.map((c) => ({
        purpose: c.purpose,
        channel: c.channel,
        attempts: c.attempts,
        sentAt: c.sentAt.toISOString(),
        expiresAt: c.expiresAt.toISOString(),
        consumedAt: iso(c.consumedAt),
      })),
      pendingContactChange:
        contactChange === null
          ? null
          : Object.assign(new ExportedContactChangeDto(), {
              kind: contactChange.kind,
              [contactChange.kind]: contactChange.newValue,
              requestedAt: contactChange.requestedAt.toISOString(),
            }),
      personalDataReveals: reveals.map((r) => ({ field: r.field, revealedAt: r.revealedAt.toISOString() })),
      privacyRequests: requests.map((r) => ({
        requestId: r.id,
        kind: r.kind,
        requestedAt: r.requestedAt.toISOString(),
        deadlineAt: r.deadlineAt.toISOString(),
        completedAt: iso(r.completedAt),
      })),
    });
  }
}
