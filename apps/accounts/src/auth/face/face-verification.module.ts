import { Module } from '@nestjs/common';

import { UsersModule } from '../../users/users.module';
import { FaceCheckRedeemer } from './face-check.redeemer';
import { FaceTicketIssuer } from './face-ticket.issuer';
import { FaceTicketsService } from './face-tickets.service';

/** Face tickets out to the identity service, face-check tokens back from it. */
@Module({
  imports: [UsersModule],
  providers: [FaceTicketIssuer, FaceCheckRedeemer, FaceTicketsService],
  exports: [FaceTicketIssuer, FaceCheckRedeemer, FaceTicketsService],
})
export class FaceVerificationModule {}
