import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../institutions/institutions.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccessTokenIssuer } from './access-token.issuer';
import { AuthController } from './auth.controller';
import { IpThrottle } from './ip-throttle';
import { LocalStrategy } from './local.strategy';
import { LoginService } from './login.service';
import { RefreshService } from './refresh.service';

@Module({
  imports: [UsersModule, SessionsModule, InstitutionsModule],
  controllers: [AuthController],
  providers: [AccessTokenIssuer, IpThrottle, LoginService, RefreshService, LocalStrategy],
})
export class AuthModule {}
