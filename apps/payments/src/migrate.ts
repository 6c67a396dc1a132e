import { runMigrations } from '@exam/platform';

import { PAYMENTS_SERVICE } from './payments.service-definition';

void runMigrations(PAYMENTS_SERVICE);
