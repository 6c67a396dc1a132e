import { Module } from '@nestjs/common';

import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';
import { MembershipsReader } from './memberships.reader';

@Module({
  controllers: [InstitutionsController],
  providers: [InstitutionsService, MembershipsReader],
  exports: [MembershipsReader],
})
export class InstitutionsModule {}
