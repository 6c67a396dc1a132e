import { type AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';

import {
  PlatformRolesChangedDto,
  PlatformRolesResponseDto,
  SetPlatformRolesDto,
} from './dto/platform-roles.dto';
import { PlatformRolesService } from './platform-roles.service';

@Roles('platform_admin')
@Controller('admin/users/:userId/platform-roles')
export class PlatformRolesController {
  constructor(private readonly platformRoles: PlatformRolesService) {}

  /** The user's platform roles and the latest changes to them, with who made each and why. */
  @Get()
  async get(@Param('userId', ParseUUIDPipe) userId: string): Promise<PlatformRolesResponseDto> {
    return PlatformRolesResponseDto.from(await this.platformRoles.rolesOf(userId));
  }

  /**
   * Sets the user's platform roles (the complete list) with a reason; each grant and revocation is kept
   * and chained in the audit log. It takes effect in the user's next token (sign-in or `POST auth/refresh`).
   * Taking platform_admin from the last active administrator is refused (409 PLATFORM_ROLE.LAST_ADMIN).
   */
  @Put()
  async set(
    @CurrentUser() admin: AuthUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: SetPlatformRolesDto,
  ): Promise<PlatformRolesChangedDto> {
    return PlatformRolesChangedDto.from(
      await this.platformRoles.setRoles(admin.userId, userId, dto.roles, dto.reason),
    );
  }
}
