import { Module } from '@nestjs/common';

import { InstitutionsModule } from '../institutions/institutions.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SecurityModule } from '../security/security.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { AccessGrant } from './access-grant';
import { AccessTokenIssuer } from './access-token.issuer';
import { AuthController } from './auth.controller';
import { FaceSignInController } from './face/face-sign-in.controller';
import { FaceSignInService } from './face/face-sign-in.service';
import { FaceVerificationModule } from './face/face-verification.module';
import { IpThrottle } from './ip-throttle';
import { LockedAccountNotice } from './locked-account.notice';
import { LoginService } from './login.service';
import { LoginAttemptsRecorder } from './login-attempts.recorder';
import { LoginCounterRepository } from './login-counter.repository';
import { LoginRiskClient } from './login-risk.client';
import { RefreshService } from './refresh.service';
import { SignInCompleter } from './sign-in.completer';
import { StepUpService } from './step-up.service';

@Module({
  imports: [
    UsersModule,
    SessionsModule,
    InstitutionsModule,
    VerificationModule,
    PrivacyModule,
    FaceVerificationModule,
    SecurityModule,
  ],
  controllers: [AuthController, FaceSignInController],
  providers: [
    AccessTokenIssuer,
    AccessGrant,
    IpThrottle,
    LoginCounterRepository,
    LoginAttemptsRecorder,
    SignInCompleter,
    StepUpService,
    FaceSignInService,
    LoginService,
    LoginRiskClient,
    LockedAccountNotice,
    RefreshService,
  ],
  exports: [LoginCounterRepository, SignInCompleter, LoginAttemptsRecorder],
})
export class AuthModule {}
