import { Module } from '@nestjs/common';

import { UsersRepository } from '../users/users.repository';
import { PlatformRolesController } from './platform-roles.controller';
import { PlatformRolesRepository } from './platform-roles.repository';
import { PlatformRolesService } from './platform-roles.service';

// UsersRepository directly rather than UsersModule: the bootstrap CLI boots this module without the
// password hasher and its settings, which UsersModule also brings.
@Module({
  controllers: [PlatformRolesController],
  providers: [UsersRepository, PlatformRolesRepository, PlatformRolesService],
  exports: [PlatformRolesService],
})
export class PlatformRolesModule {}
