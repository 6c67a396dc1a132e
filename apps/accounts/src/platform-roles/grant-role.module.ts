import { PlatformModule } from '@exam/platform';
import { type DynamicModule, Module } from '@nestjs/common';

import type { AccountsEnv } from '../config/accounts.env';
import { ACCOUNTS_ENTITIES } from '../database/entities';
import { ACCOUNTS_MIGRATIONS } from '../database/migrations';
import { FieldProtectionModule } from '../field-protection/field-protection.module';
import { PlatformRolesModule } from './platform-roles.module';

/**
 * What the bootstrap CLI needs of accounts: its database (with field encryption, for looking the account
 * up by phone or email), the outbox and the platform-roles use cases, the same ones the HTTP route runs.
 */
@Module({})
export class GrantRoleModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: GrantRoleModule,
      imports: [
        PlatformModule.forService({
          service: 'accounts',
          env,
          entities: ACCOUNTS_ENTITIES,
          migrations: ACCOUNTS_MIGRATIONS,
        }),
        FieldProtectionModule,
        PlatformRolesModule,
      ],
    };
  }
}
