import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';

@Module({ imports: [UsersModule, VerificationModule, SessionsModule], controllers: [PasswordsController], providers: [PasswordsService] })
export class PasswordsModule {}
