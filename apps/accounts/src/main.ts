import { runService } from '@exam/platform';

import { ACCOUNTS_SERVICE } from './accounts.service-definition';

void runService(ACCOUNTS_SERVICE);
