import { Clock, retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import { PaymentSettingsEntity } from './payment-settings.entity';
import { type EffectivePaymentSettings, effectiveSettings } from './payment-settings.policy';
import { PaymentSettingsRepository } from './payment-settings.repository';

/** Reading and changing an institution's payment settings; the default applies until it has its own. */
@Injectable()
export class PaymentSettingsService {
  constructor(
    private readonly settings: PaymentSettingsRepository,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async of(institutionId: string, tx?: EntityManager): Promise<EffectivePaymentSettings> {
    return effectiveSettings(await this.settings.find(institutionId, tx));
  }

  /** The new threshold and its audit event commit together; the amount audited is the threshold (null: none). */
  async update(
    institutionId: string,
    adminId: string,
    input: { refundApprovalThresholdFen: number | null },
  ): Promise<EffectivePaymentSettings> {
    const now = this.clock.now();
    // Two admins saving a new institution's first settings at once may deadlock on the upsert: replay it.
    await retryOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        await this.settings.upsert(
          tx,
          Object.assign(new PaymentSettingsEntity(), {
            institutionId,
            refundApprovalThresholdFen: input.refundApprovalThresholdFen,
            updatedBy: `user:${adminId}`,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.staffActions.record(tx, {
          action: 'refund_threshold_changed',
          institutionId,
          staffUserId: adminId,
          subjectId: institutionId,
          amountFen: input.refundApprovalThresholdFen,
        });
      }),
    );
    return this.of(institutionId);
  }
}
