import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { BankModule } from './bank/bank.module';
import type { ExamEnv } from './config/exam.env';
import { EXAM_ENTITIES } from './database/entities';
import { EXAM_MIGRATIONS } from './database/migrations';

@Module({})
export class ExamModule {
  static register(env: ExamEnv): DynamicModule {
    return {
      module: ExamModule,
      imports: [
        PlatformModule.forService({
          service: 'exam',
          env,
          entities: EXAM_ENTITIES,
          migrations: EXAM_MIGRATIONS,
        }),
        BankModule,
      ],
    };
  }
}
