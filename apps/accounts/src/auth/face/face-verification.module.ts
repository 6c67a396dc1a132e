import { Module } from '@nestjs/common';

import { UsersModule } from '../../users/users.module';
import { FaceCheckRedeemer } from './face-check.redeemer';
import { FaceCheckRedemptionRepository } from './face-check-redemption.repository';
import { FaceTicketIssuer } from './face-ticket.issuer';
import { FaceTicketsService } from './face-tickets.service';

/** Face tickets out to the identity service, face-check tokens back from it. */
@Module({
  imports: [UsersModule],
  providers: [FaceTicketIssuer, FaceCheckRedeemer, FaceCheckRedemptionRepository, FaceTicketsService],
  exports: [FaceTicketIssuer, FaceCheckRedeemer, FaceCheckRedemptionRepository, FaceTicketsService],
})
export class FaceVerificationModule {}
