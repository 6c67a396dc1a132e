import { createHash, randomBytes } from 'node:crypto';

import { type OrgRole, Topics } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { normalizeEmail, normalizeMainlandMobile } from '../users/contact';
import { OneContactOnlyError } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import type { InviteStaffDto, RegisterInstitutionDto, UpdateInstitutionDto } from './dto/institution.dto';
import { InstitutionEntity } from './institution.entity';
import { InstitutionRepository } from './institution.repository';
import {
  InstitutionNotFoundError,
  InvitationInvalidError,
  InvitationNotForYouError,
  LastAdminError,
  MembershipNotFoundError,
} from './institutions.errors';
import { InvitationEntity } from './invitation.entity';
import { InvitationRepository } from './invitation.repository';
import { MembershipEntity } from './membership.entity';
import { MembershipRepository } from './membership.repository';

const INVITATION_TTL_MS = 7 * 86_400_000;

export interface Member {
  readonly userId: string;
  readonly nickname: string;
  readonly roles: OrgRole[];
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Institutions (tenants), their members and staff invitations. Callers are authorized by the controller. */
@Injectable()
export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly institutions: InstitutionRepository,
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** The registering account becomes the institution's first org_admin. */
  async register(adminUserId: string, input: RegisterInstitutionDto): Promise<InstitutionEntity> {
    if (input.contactPhone !== undefined && input.contactEmail !== undefined)
      throw new OneContactOnlyError('contactPhone', 'contactEmail');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const institution = Object.assign(new InstitutionEntity(), {
        name: input.name.trim(),
        contactPhone: input.contactPhone === undefined ? null : normalizeMainlandMobile(input.contactPhone),
        contactEmail: input.contactEmail === undefined ? null : normalizeEmail(input.contactEmail),
        organisationCode: input.organisationCode ?? null,
        invoiceBank: input.invoiceBank ?? null,
        invoiceRecipient: input.invoiceRecipient ?? null,
        invoiceAddress: input.invoiceAddress ?? null,
        invoicePostcode: input.invoicePostcode ?? null,
        createdBy: adminUserId,
        createdAt: now,
      });
      await this.institutions.save(manager, institution);
      await this.events.stage(manager, Topics.InstitutionRegistered, {
        subjectId: institution.id,
        payload: { institutionId: institution.id, name: institution.name, adminUserId },
      });
      await this.grant(manager, institution.id, adminUserId, 'org_admin');
      return institution;
    });
  }

  async get(institutionId: string): Promise<InstitutionEntity> {
    const institution = await this.institutions.findById(institutionId);
    if (institution === null) throw new InstitutionNotFoundError();
    return institution;
  }

  async update(institutionId: string, input: UpdateInstitutionDto): Promise<InstitutionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const institution = await this.institutions.lockById(manager, institutionId);
      if (institution === null) throw new InstitutionNotFoundError();
      if (input.name !== undefined) institution.name = input.name.trim();
      await this.institutions.save(manager, institution);
      return institution;
    });
  }

  async members(institutionId: string): Promise<Member[]> {
    const rows = await this.memberships.listOfInstitution(institutionId);
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const nicknames = await this.users.nicknamesOf(userIds);
    return userIds.map((userId) => ({
      userId,
      nickname: nicknames.get(userId) ?? '',
      roles: rows.filter((r) => r.userId === userId).map((r) => r.role),
    }));
  }

  /** Sends a single-use token to the phone or email; only the account that proved that contact can accept it. */
  async invite(institutionId: string, invitedBy: string, input: InviteStaffDto): Promise<InvitationEntity> {
    if (input.phone !== undefined && input.email !== undefined)
      throw new OneContactOnlyError('phone', 'email');
    const institution = await this.get(institutionId);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const invitation = Object.assign(new InvitationEntity(), {
      institutionId,
      role: input.role,
      contactKind: input.phone === undefined ? ('email' as const) : ('phone' as const),
      contact:
        input.phone === undefined ? normalizeEmail(input.email ?? '') : normalizeMainlandMobile(input.phone),
      tokenHash: tokenHash(token),
      invitedBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await this.invitations.insert(invitation);
    await this.notifier.send({
      channel: invitation.contactKind === 'phone' ? 'sms' : 'email',
      to: invitation.contact,
      subject: `Invitation to ${institution.name}`,
      text: `You are invited to join ${institution.name} on the exam platform as ${input.role}. Sign in and accept with this token: ${token}`,
    });
    return invitation;
  }

  async accept(userId: string, token: string): Promise<{ institutionId: string; role: OrgRole }> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.lockByTokenHash(manager, tokenHash(token));
      if (
        invitation === null ||
        invitation.acceptedAt !== null ||
        invitation.expiresAt.getTime() <= this.clock.now().getTime()
      ) {
        throw new InvitationInvalidError();
      }
      const user = await this.users.findByIdIn(manager, userId);
      const owned = invitation.contactKind === 'phone' ? user?.phone : user?.email;
      if (owned !== invitation.contact) throw new InvitationNotForYouError();
      invitation.acceptedAt = this.clock.now();
      invitation.acceptedBy = userId;
      await this.invitations.save(manager, invitation);
      const existing = await this.memberships.exists(
        manager,
        invitation.institutionId,
        userId,
        invitation.role,
      );
      if (!existing) await this.grant(manager, invitation.institutionId, userId, invitation.role);
      return { institutionId: invitation.institutionId, role: invitation.role };
    });
  }

  /** Removes one role; an institution always keeps at least one org_admin. */
  async revoke(institutionId: string, userId: string, role: OrgRole): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const admins = await this.memberships.lockAdmins(manager, [institutionId]);
      const membership = await this.memberships.lockOne(manager, institutionId, userId, role);
      if (membership === null) throw new MembershipNotFoundError();
      if (role === 'org_admin' && admins.length <= 1) throw new LastAdminError();
      await this.memberships.delete(manager, membership.id);
      await this.events.stage(manager, Topics.MembershipChanged, {
        subjectId: userId,
        payload: { userId, institutionId, role, change: 'revoked' },
      });
    });
  }

  private async grant(
    manager: EntityManager,
    institutionId: string,
    userId: string,
    role: OrgRole,
  ): Promise<void> {
    await this.memberships.insert(
      manager,
      Object.assign(new MembershipEntity(), { institutionId, userId, role, createdAt: this.clock.now() }),
    );
    await this.events.stage(manager, Topics.MembershipChanged, {
      subjectId: userId,
      payload: { userId, institutionId, role, change: 'granted' },
    });
  }
}
