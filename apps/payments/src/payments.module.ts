import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import type { PaymentsEnv } from './config/payments.env';
import { PAYMENTS_ENTITIES } from './database/entities';
import { PAYMENTS_MIGRATIONS } from './database/migrations';

@Module({})
export class PaymentsModule {
  static register(env: PaymentsEnv): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        PlatformModule.forService({
          service: 'payments',
          env,
          entities: PAYMENTS_ENTITIES,
          migrations: PAYMENTS_MIGRATIONS,
        }),
      ],
    };
  }
}
