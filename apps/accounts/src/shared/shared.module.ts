import { type DynamicModule, Global, Module } from '@nestjs/common';

import type { AccountsEnv } from '../config/accounts.env';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import { Clock } from './clock';

/** The validated env and the clock, needed by most feature modules. */
@Global()
@Module({})
export class SharedModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: SharedModule,
      providers: [{ provide: ACCOUNTS_ENV, useValue: env }, Clock],
      exports: [ACCOUNTS_ENV, Clock],
    };
  }
}
