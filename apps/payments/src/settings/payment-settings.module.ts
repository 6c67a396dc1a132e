import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { StaffAuditModule } from '../staff-audit/staff-audit.module';
import { PaymentSettingsController } from './payment-settings.controller';
import { PaymentSettingsEntity } from './payment-settings.entity';
import { PaymentSettingsRepository } from './payment-settings.repository';
import { PaymentSettingsService } from './payment-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentSettingsEntity]), StaffAuditModule],
  controllers: [PaymentSettingsController],
  providers: [PaymentSettingsRepository, PaymentSettingsService],
  exports: [PaymentSettingsService],
})
export class PaymentSettingsModule {}
