import { DynamicModule, Module } from '@nestjs/common';

import { IdentityEnv } from './identity.env';

/** Makes the validated env injectable in every identity feature module (real-name, face). */
@Module({})
export class IdentityConfigModule {
  static register(env: IdentityEnv): DynamicModule {
    return {
      module: IdentityConfigModule,
      global: true,
      providers: [{ provide: IdentityEnv, useValue: env }],
      exports: [IdentityEnv],
    };
  }
}
