import { DynamicModule, Module } from '@nestjs/common';
import { AuthorityNotificationsController } from '../authority/authority-notifications.controller';
import { AuthorityNotificationsService } from '../authority/authority-notifications.service';
import { AUTHORITY_PROVIDER } from '../authority/authority.provider';
import { HttpAuthorityProvider } from '../authority/http-authority.provider';
import { IdentityEnv } from '../config/identity.env';
import { AttemptBudget } from './attempt-budget';
import { GuardianConsentService } from './guardian-consent.service';
import { AppealsAdminController } from './appeals-admin.controller';
import { AppealsService } from './appeals.service';
import { IdNumberIndex } from './id-number-index';
import { RealNameController } from './real-name.controller';
import { RealNameErasureConsumer } from './real-name-erasure.consumer';
import { RealNameErasureService } from './real-name-erasure.service';
import { RealNameService } from './real-name.service';

@Module({})
export class RealNameModule {
  static register(env: IdentityEnv): DynamicModule {
    return {
      module: RealNameModule,
      controllers: [RealNameController, AppealsAdminController, AuthorityNotificationsController, RealNameErasureConsumer],
      providers: [
        { provide: AUTHORITY_PROVIDER, useFactory: () => new HttpAuthorityProvider(env) },
        IdNumberIndex,
        AttemptBudget,
        GuardianConsentService,
        RealNameErasureService,
        RealNameService,
        AppealsService,
        AuthorityNotificationsService,
      ],
    };
  }
}
