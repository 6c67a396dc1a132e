import { type DynamicModule, Global, Module } from '@nestjs/common';

import type { AccountsEnv } from '../config/accounts.env';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';

/** The validated env, needed by most feature modules. */
@Global()
@Module({})
export class SharedModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: SharedModule,
      providers: [{ provide: ACCOUNTS_ENV, useValue: env }],
      exports: [ACCOUNTS_ENV],
    };
  }
}
