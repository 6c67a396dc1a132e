import { runService } from '@exam/platform';

import { IDENTITY_SERVICE } from './identity.service-definition';

void runService(IDENTITY_SERVICE);
