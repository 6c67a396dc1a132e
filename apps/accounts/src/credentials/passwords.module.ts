import { Module } from '@nestjs/common';

import { FaceVerificationModule } from '../auth/face/face-verification.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { FacePasswordResetController } from './face-password-reset.controller';
import { FacePasswordResetService } from './face-password-reset.service';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';

@Module({
  imports: [UsersModule, VerificationModule, SessionsModule, FaceVerificationModule],
  controllers: [PasswordsController, FacePasswordResetController],
  providers: [PasswordsService, FacePasswordResetService],
})
export class PasswordsModule {}
