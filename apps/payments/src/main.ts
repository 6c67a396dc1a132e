import { runService } from '@exam/platform';

import { PAYMENTS_SERVICE } from './payments.service-definition';

void runService(PAYMENTS_SERVICE);
