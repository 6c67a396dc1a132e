import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@exam/platform';
import type { AccountsEnv } from './config/accounts.env';
import { ACCOUNTS_ENTITIES } from './database/entities';
import { ACCOUNTS_MIGRATIONS } from './database/migrations';

@Module({})
export class AccountsModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: AccountsModule,
      imports: [PlatformModule.forService({ service: 'accounts', env, entities: ACCOUNTS_ENTITIES, migrations: ACCOUNTS_MIGRATIONS })],
    };
  }
}
