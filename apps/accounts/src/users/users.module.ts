import { Module } from '@nestjs/common';

import { PasswordAttempts } from '../auth/password-attempts';
import { PasswordRecheck } from '../auth/password-recheck';
import { PasswordHasher } from '../credentials/password-hasher';
import { UsersRepository } from './users.repository';

@Module({
  providers: [UsersRepository, PasswordHasher, PasswordAttempts, PasswordRecheck],
  exports: [UsersRepository, PasswordHasher, PasswordAttempts, PasswordRecheck],
})
export class UsersModule {}
