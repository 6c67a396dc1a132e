import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { FaceVerificationModule } from '../auth/face/face-verification.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { FacePasswordResetController } from './face-password-reset.controller';
import { FacePasswordResetService } from './face-password-reset.service';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { ReauthenticationController } from './reauthentication.controller';
import { ReauthenticationService } from './reauthentication.service';

@Module({
  imports: [UsersModule, VerificationModule, SessionsModule, FaceVerificationModule, AuthModule],
  controllers: [PasswordsController, FacePasswordResetController, ReauthenticationController],
  providers: [PasswordsService, FacePasswordResetService, ReauthenticationService],
})
export class PasswordsModule {}
