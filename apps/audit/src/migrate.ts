import { runMigrations } from '@exam/platform';

import { AUDIT_SERVICE } from './audit.service-definition';

void runMigrations(AUDIT_SERVICE);
