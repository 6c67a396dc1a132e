import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';

import { PaymentSettingsDto, UpdatePaymentSettingsDto } from './dto/payment-settings.dto';
import type { EffectivePaymentSettings } from './payment-settings.policy';
import { PaymentSettingsService } from './payment-settings.service';

const toDto = (institutionId: string, s: EffectivePaymentSettings): PaymentSettingsDto => ({
  institutionId,
  refundApprovalThresholdFen: s.refundApprovalThresholdFen,
  source: s.source,
  updatedAt: s.updatedAt === null ? null : s.updatedAt.toISOString(),
});

/** An institution's payment settings: its staff read them, its org_admins change them (no platform bypass). */
@Controller('institutions/:institutionId/payment-settings')
export class PaymentSettingsController {
  constructor(private readonly settings: PaymentSettingsService) {}

  @Get()
  @TenantRoles('institutionId', ['org_admin', 'org_staff'], [])
  async get(@Param('institutionId', ParseUUIDPipe) institutionId: string): Promise<PaymentSettingsDto> {
    return toDto(institutionId, await this.settings.of(institutionId));
  }

  @Put()
  @TenantRoles('institutionId', ['org_admin'], [])
  async update(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: UpdatePaymentSettingsDto,
  ): Promise<PaymentSettingsDto> {
    return toDto(institutionId, await this.settings.update(institutionId, user.userId, dto));
  }
}
