import { Module } from '@nestjs/common';

import { ConsentRepository } from './consent.repository';
import { PolicyAcceptanceRepository } from './policy-acceptance.repository';
import { PolicyVersionRepository } from './policy-version.repository';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

@Module({
  controllers: [PrivacyController],
  providers: [PrivacyService, PolicyVersionRepository, PolicyAcceptanceRepository, ConsentRepository],
  exports: [PrivacyService, PolicyAcceptanceRepository, ConsentRepository],
})
export class PrivacyModule {}
