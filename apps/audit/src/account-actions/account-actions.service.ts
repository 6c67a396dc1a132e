import { createHash, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AlertRepository } from '../alerts/alert.repository';
import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { AccountActionAlertNotFoundError, SelfAccountActionError } from './account-action.errors';
import { AccountActionRepository } from './account-action.repository';
import type { AccountActionResponseDto, RequestAccountActionDto } from './dto/request-account-action.dto';

/**
 * Staff actions on an account (lock, unlock, force logout everywhere, require re-verification):
 * recorded, chained with the staff member and reason, and sent to accounts as an event, all in one
 * transaction. Accounts owns the account and enforces the action.
 */
@Injectable()
export class AccountActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: AccountActionRepository,
    private readonly alerts: AlertRepository,
    private readonly events: EventPublisher,
    private readonly staffActions: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async request(
    userId: string,
    dto: RequestAccountActionDto,
    staffId: string,
  ): Promise<AccountActionResponseDto> {
    if (userId === staffId) throw new SelfAccountActionError();
    const actionId = randomUUID();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      if (dto.alertId !== undefined && !(await this.alerts.exists(manager, dto.alertId))) {
        throw new AccountActionAlertNotFoundError(dto.alertId);
      }
      await this.actions.insert(
        manager,
        {
          id: actionId,
          userId,
          action: dto.action,
          reason: dto.reason,
          note: dto.note,
          requestedBy: staffId,
          alertId: dto.alertId ?? null,
        },
        now,
      );
      await this.staffActions.record(
        manager,
        {
          type: `staff.account.${dto.action}_requested`,
          staffId,
          subjectUserId: userId,
          attributes: {
            actionId,
            action: dto.action,
            reason: dto.reason,
            noteSha256: createHash('sha256').update(dto.note, 'utf8').digest('hex'),
            alertId: dto.alertId ?? null,
          },
        },
        now,
      );
      await this.events.stage(manager, Topics.AccountActionRequested, {
        subjectId: userId,
        payload: {
          actionId,
          userId,
          action: dto.action,
          reason: dto.reason,
          requestedBy: staffId,
          ...(dto.alertId === undefined ? {} : { alertId: dto.alertId }),
        },
      });
    });
    return {
      actionId,
      userId,
      action: dto.action,
      reason: dto.reason,
      requestedBy: staffId,
      requestedAt: now.toISOString(),
      status: 'requested',
    };
  }
}
