import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';

import { toAdminAppealResponse } from './appeal.mapper';
import { AppealsService } from './appeals.service';
import { AdminAppealResponseDto, DecideAppealDto, ListAppealsQueryDto } from './dto/appeal.dto';

/** Platform admins review real-name appeals and change requests; every decision carries a reason. */
@Roles('platform_admin')
@Controller('real-name/admin/appeals')
export class AppealsAdminController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  async list(@Query() query: ListAppealsQueryDto): Promise<AdminAppealResponseDto[]> {
    return (await this.appeals.list(query.status)).map(toAdminAppealResponse);
  }

  /** One appeal, whatever its status or age (the list stops at the oldest 100). */
  @Get(':appealId')
  async get(@Param('appealId', new ParseUUIDPipe()) appealId: string): Promise<AdminAppealResponseDto> {
    return toAdminAppealResponse(await this.appeals.get(appealId));
  }

  @Post(':appealId/decision')
  @HttpCode(200)
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('appealId', new ParseUUIDPipe()) appealId: string,
    @Body() dto: DecideAppealDto,
  ): Promise<AdminAppealResponseDto> {
    return toAdminAppealResponse(await this.appeals.decide(appealId, user.userId, dto.decision, dto.reason));
  }
}
