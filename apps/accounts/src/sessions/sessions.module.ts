import { Module } from '@nestjs/common';

import { IP_REGION_RESOLVER, Ip2RegionResolver } from './region/ip-region.resolver';
import { SessionRepository } from './session.repository';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  // One resolver for the whole service: it holds the ~8 MB region database in memory.
  providers: [
    SessionsService,
    SessionRepository,
    { provide: IP_REGION_RESOLVER, useFactory: () => new Ip2RegionResolver() },
  ],
  exports: [SessionsService, SessionRepository],
})
export class SessionsModule {}
