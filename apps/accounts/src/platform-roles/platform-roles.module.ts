import { Module } from '@nestjs/common';

import { UsersModule } from '../users/users.module';
import { PlatformRolesController } from './platform-roles.controller';
import { PlatformRolesRepository } from './platform-roles.repository';
import { PlatformRolesService } from './platform-roles.service';

@Module({
  imports: [UsersModule],
  controllers: [PlatformRolesController],
  providers: [PlatformRolesRepository, PlatformRolesService],
  exports: [PlatformRolesService],
})
export class PlatformRolesModule {}
