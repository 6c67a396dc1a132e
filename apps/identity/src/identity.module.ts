import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import type { IdentityEnv } from './config/identity.env';
import { IDENTITY_ENTITIES } from './database/entities';
import { IDENTITY_MIGRATIONS } from './database/migrations';
import { FaceModule } from './face';
import { RealNameModule } from './real-name/real-name.module';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class IdentityModule {
  static register(env: IdentityEnv): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService({
          service: 'identity',
          env,
          entities: IDENTITY_ENTITIES,
          migrations: IDENTITY_MIGRATIONS,
        }),
        RealNameModule,
        FaceModule,
        RetentionModule,
      ],
    };
  }
}
