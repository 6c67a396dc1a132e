import { Topics } from '@exam/contracts';
import { type AuthUser, PersonalDataRevealService } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PasswordRecheck } from '../auth/password-recheck';
import { UsersRepository } from '../users/users.repository';
import { PRIVACY_REQUEST_DEADLINE_MS } from './account-erasure.service';
import type { FullPersonalDataExportDto, PersonalDataExportDto } from './dto/privacy-requests.dto';
import { PersonalDataExportBuilder } from './personal-data-export.builder';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { AccountNotFoundError } from './privacy-requests.errors';

/** What audit records as the reason when the data subject reveals their own data. */
const SELF_EXPORT_REASON = 'Data subject access request: full copy of my own personal data';

/** The right of access and to a copy: masked by default; in full after the password, through the audited reveal. */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly builder: PersonalDataExportBuilder,
    private readonly reveals: PersonalDataRevealService,
    private readonly recheck: PasswordRecheck,
    private readonly clock: Clock,
  ) {}

  async masked(userId: string): Promise<PersonalDataExportDto> {
    return this.dataSource.transaction(async (manager) => {
      const data = await this.builder.build(manager, userId);
      await this.record(manager, userId);
      return data;
    });
  }

  async full(actor: AuthUser, currentPassword: string): Promise<FullPersonalDataExportDto> {
    const user = await this.users.findById(actor.userId);
    if (user === null || user.status === 'erased') throw new AccountNotFoundError();
    await this.recheck.confirm(user, currentPassword);
    let data: PersonalDataExportDto | undefined;
    const revealed = await this.reveals.reveal({
      actor,
      subjectId: actor.userId,
      field: 'personalDataExport',
      reason: SELF_EXPORT_REASON,
      topic: Topics.AccountsPersonalDataRevealed,
      load: async (manager) => {
        data = await this.builder.build(manager, actor.userId);
        await this.record(manager, actor.userId);
        return data.format;
      },
    });
    if (data === undefined) throw new AccountNotFoundError();
    return { revealedAt: revealed.revealedAt, data };
  }

  /** Access requests are tracked like every privacy request, answered at once. */
  private async record(manager: EntityManager, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.requests.insert(
      manager,
      Object.assign(new PrivacyRequestEntity(), {
        userId,
        kind: 'export' as const,
        requestedAt: now,
        deadlineAt: new Date(now.getTime() + PRIVACY_REQUEST_DEADLINE_MS),
        completedAt: now,
      }),
    );
  }
}
