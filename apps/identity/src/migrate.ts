import { runMigrations } from '@exam/platform';

import { IDENTITY_SERVICE } from './identity.service-definition';

void runMigrations(IDENTITY_SERVICE);
