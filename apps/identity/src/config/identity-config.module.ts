import { DynamicModule, Module } from '@nestjs/common';

import { CLOCK, systemClock } from '../real-name/clock';
import { IdentityEnv } from './identity.env';

/** Makes the validated env and the clock injectable in every identity feature module (real-name, face). */
@Module({})
export class IdentityConfigModule {
  static register(env: IdentityEnv): DynamicModule {
    return {
      module: IdentityConfigModule,
      global: true,
      providers: [
        { provide: IdentityEnv, useValue: env },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [IdentityEnv, CLOCK],
    };
  }
}
