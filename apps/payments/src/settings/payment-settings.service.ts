import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { PaymentSettingsEntity } from './payment-settings.entity';
import { type EffectivePaymentSettings, effectiveSettings } from './payment-settings.policy';
import { PaymentSettingsRepository } from './payment-settings.repository';

/** Reading and changing an institution's payment settings; the default applies until it has its own. */
@Injectable()
export class PaymentSettingsService {
  constructor(
    private readonly settings: PaymentSettingsRepository,
    private readonly clock: Clock,
  ) {}

  async of(institutionId: string, tx?: EntityManager): Promise<EffectivePaymentSettings> {
    return effectiveSettings(await this.settings.find(institutionId, tx));
  }

  async update(
    institutionId: string,
    adminId: string,
    input: { refundApprovalThresholdFen: number | null },
  ): Promise<EffectivePaymentSettings> {
    const now = this.clock.now();
    await this.settings.upsert(
      Object.assign(new PaymentSettingsEntity(), {
        institutionId,
        refundApprovalThresholdFen: input.refundApprovalThresholdFen,
        updatedBy: `user:${adminId}`,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return this.of(institutionId);
  }
}
