import { PlatformModule } from '@exam/platform';
import { describeWithData } from '@exam/testing';
import { DynamicModule, Module } from '@nestjs/common';

import type { IdentityEnv } from '../../src/config/identity.env';
import { FACE_ENTITIES, FACE_MIGRATIONS, FaceModule } from '../../src/face';
import { FACES_DIR } from './factories';

/** Identity's face feature alone on the platform, for the face e2e specs' test beds. */
@Module({})
export class FaceTestModule {
  static register(env: IdentityEnv): DynamicModule {
    return {
      module: FaceTestModule,
      imports: [
        PlatformModule.forService({
          service: 'identity',
          env,
          entities: FACE_ENTITIES,
          migrations: FACE_MIGRATIONS,
        }),
        FaceModule,
      ],
    };
  }
}

/** `describe` when the labelled test faces exist; a failed run under CI, a skip with the reason elsewhere. */
export const describeWithFaces = (): jest.Describe =>
  describeWithData(FACES_DIR, 'the labelled test faces (kept outside the repository)');
