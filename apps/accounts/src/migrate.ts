import { runMigrations } from '@exam/platform';

import { ACCOUNTS_SERVICE } from './accounts.service-definition';

void runMigrations(ACCOUNTS_SERVICE);
