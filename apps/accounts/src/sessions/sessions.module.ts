import { Module } from '@nestjs/common';

import { IP_REGION_RESOLVER, Ip2RegionResolver } from './region/ip-region.resolver';
import { RevocationListService } from './revocation-list.service';
import { SessionRepository } from './session.repository';
import { SessionRevocationsConsumer } from './session-revocations.consumer';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, SessionRevocationsConsumer],
  // One resolver for the whole service: it holds the ~8 MB region database in memory.
  providers: [
    SessionsService,
    SessionRepository,
    RevocationListService,
    { provide: IP_REGION_RESOLVER, useFactory: () => new Ip2RegionResolver() },
  ],
  exports: [SessionsService, SessionRepository],
})
export class SessionsModule {}
