import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { PaymentSettingsController } from './payment-settings.controller';
import { PaymentSettingsEntity } from './payment-settings.entity';
import { PaymentSettingsRepository } from './payment-settings.repository';
import { PaymentSettingsService } from './payment-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentSettingsEntity])],
  controllers: [PaymentSettingsController],
  providers: [PaymentSettingsRepository, PaymentSettingsService],
  exports: [PaymentSettingsService],
})
export class PaymentSettingsModule {}
