import type { ServiceDefinition } from '@exam/platform';

import { type ExamEnv, loadExamEnv } from './config/exam.env';
import { EXAM_ENTITIES } from './database/entities';
import { EXAM_MIGRATIONS } from './database/migrations';
import { examRoomEdge } from './edge/exam-room-edge';
import { ExamModule } from './exam.module';

export const EXAM_SERVICE: ServiceDefinition<ExamEnv> = {
  service: 'exam',
  loadEnv: () => loadExamEnv(),
  module: (env) => ExamModule.register(env),
  edge: examRoomEdge,
  entities: EXAM_ENTITIES,
  migrations: EXAM_MIGRATIONS,
};
