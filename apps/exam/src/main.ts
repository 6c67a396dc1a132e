import { runService } from '@exam/platform';

import { EXAM_SERVICE } from './exam.service-definition';

void runService(EXAM_SERVICE);
