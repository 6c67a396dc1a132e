import { runMigrations } from '@exam/platform';

import { EXAM_SERVICE } from './exam.service-definition';

void runMigrations(EXAM_SERVICE);
