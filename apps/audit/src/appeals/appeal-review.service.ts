import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { AppealAlreadyDecidedError, AppealNotFoundError, OwnAppealError } from './appeal.errors';
import type { LoginAppealDecision, LoginAppealFilter, LoginAppealView } from './appeal-review';
import { AppealReviewRepository } from './appeal-review.repository';

/**
 * The human review of automated login decisions: staff list the appeals and decide each once, with a reason,
 * chained in the audit log with who decided. Undoing the effect of an overturned block (unlocking) stays the
 * separate, audited account action on the appeal's review alert.
 */
@Injectable()
export class AppealReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appeals: AppealReviewRepository,
    private readonly recorder: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  list(filter: LoginAppealFilter): Promise<{ items: LoginAppealView[]; total: number }> {
    return this.appeals.list(filter);
  }

  async decide(
    appealId: string,
    staffId: string,
    decision: LoginAppealDecision,
    reason: string,
  ): Promise<LoginAppealView> {
    await this.dataSource.transaction(async (manager) => {
      const appeal = await this.appeals.lockById(manager, appealId);
      if (appeal === null) throw new AppealNotFoundError();
      if (appeal.userId === staffId) throw new OwnAppealError();
      if (appeal.status !== 'open') throw new AppealAlreadyDecidedError();
      const now = this.clock.now();
      await this.appeals.markDecided(manager, appealId, decision, reason.trim(), staffId, now);
      await this.recorder.record(
        manager,
        {
          type: 'staff.decision_appeal.decided',
          staffId,
          subjectUserId: appeal.userId,
          attributes: {
            appealId,
            attemptId: appeal.attemptId,
            alertId: appeal.reviewAlertId,
            decision,
            reason: reason.trim(),
          },
        },
        now,
      );
    });
    const decided = await this.dataSource.transaction((manager) => this.appeals.lockById(manager, appealId));
    if (decided === null) throw new AppealNotFoundError();
    return decided;
  }
}
