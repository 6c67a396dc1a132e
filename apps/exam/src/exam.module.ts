import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { AttemptModule } from './attempt/attempt.module';
import { BankModule } from './bank/bank.module';
import { CandidateModule } from './candidate/candidate.module';
import { CertificatesModule } from './certificates/certificates.module';
import type { ExamEnv } from './config/exam.env';
import { EXAM_ENTITIES } from './database/entities';
import { EXAM_MIGRATIONS } from './database/migrations';
import { ExamFeatureModule } from './exam/exam.module';
import { MarkingModule } from './marking/marking.module';
import { PaperModule } from './paper/paper.module';
import { ProctoringModule } from './proctoring/proctoring.module';
import { RegistrationModule } from './registration/registration.module';
import { ResultsModule } from './results/results.module';
import { RetentionModule } from './retention/retention.module';
import { StatisticsModule } from './statistics/statistics.module';

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
        PaperModule,
        ExamFeatureModule,
        CandidateModule,
        RegistrationModule,
        RetentionModule,
        AttemptModule,
        ProctoringModule,
        MarkingModule,
        ResultsModule,
        StatisticsModule,
        CertificatesModule,
      ],
    };
  }
}
