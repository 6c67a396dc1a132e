import { runService } from '@exam/platform';

import { AUDIT_SERVICE } from './audit.service-definition';

void runService(AUDIT_SERVICE);
