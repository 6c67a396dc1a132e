import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { AuthModule } from './auth/auth.module';
import type { AccountsEnv } from './config/accounts.env';
import { ContactsModule } from './contacts/contacts.module';
import { PasswordsModule } from './credentials/passwords.module';
import { ACCOUNTS_ENTITIES } from './database/entities';
import { ACCOUNTS_MIGRATIONS } from './database/migrations';
import { FieldProtectionModule } from './field-protection/field-protection.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformRolesModule } from './platform-roles/platform-roles.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PrivacyRequestsModule } from './privacy-requests/privacy-requests.module';
import { RegistrationModule } from './registration/registration.module';
import { RetentionModule } from './retention/retention.module';
import { SecurityModule } from './security/security.module';
import { SessionsModule } from './sessions/sessions.module';

@Module({})
export class AccountsModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: AccountsModule,
      imports: [
        PlatformModule.forService({
          service: 'accounts',
          env,
          entities: ACCOUNTS_ENTITIES,
          migrations: ACCOUNTS_MIGRATIONS,
        }),
        FieldProtectionModule,
        NotificationsModule.register(env),
        RegistrationModule,
        AuthModule,
        SessionsModule,
        InstitutionsModule,
        SecurityModule,
        PrivacyModule,
        PrivacyRequestsModule,
        RetentionModule,
        PasswordsModule,
        ContactsModule,
        PlatformRolesModule,
      ],
    };
  }
}
