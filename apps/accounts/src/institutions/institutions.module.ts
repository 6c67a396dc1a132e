import { Module } from '@nestjs/common';

import { UsersModule } from '../users/users.module';
import { InstitutionRepository } from './institution.repository';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';
import { InvitationRepository } from './invitation.repository';
import { MembershipRepository } from './membership.repository';

@Module({
  imports: [UsersModule],
  controllers: [InstitutionsController],
  providers: [InstitutionsService, InstitutionRepository, MembershipRepository, InvitationRepository],
  exports: [InstitutionRepository, MembershipRepository, InvitationRepository],
})
export class InstitutionsModule {}
