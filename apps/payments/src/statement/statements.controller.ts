import { type AuthUser, CurrentUser, Roles, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';

import {
  ListMismatchesQueryDto,
  ListRunsQueryDto,
  PlatformListMismatchesQueryDto,
  ResolveMismatchDto,
  StatementMismatchDto,
  StatementRunDto,
  TriggerRunDto,
} from './dto/statement.dto';
import { toMismatchDto, toRunDto } from './statement.mapper';
import { StatementMismatchesService } from './statement-mismatches.service';
import { StatementRunsService } from './statement-runs.service';

/** Staff of one institution see the statement mismatches of its orders and resolve them. */
@Controller('institutions/:institutionId/statement-mismatches')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class InstitutionStatementMismatchesController {
  constructor(private readonly mismatches: StatementMismatchesService) {}

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ListMismatchesQueryDto,
  ): Promise<{ items: StatementMismatchDto[] }> {
    return { items: (await this.mismatches.list(institutionId, query)).map(toMismatchDto) };
  }

  @Post(':mismatchId/resolve')
  @HttpCode(200)
  async resolve(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('mismatchId', ParseUUIDPipe) mismatchId: string,
    @Body() dto: ResolveMismatchDto,
  ): Promise<StatementMismatchDto> {
    return toMismatchDto(await this.mismatches.resolve(institutionId, mismatchId, user.userId, dto.note));
  }
}

/** Platform staff: every mismatch (provider trades that match no order included), and runs of a day. */
@Controller()
@Roles('platform_admin')
export class PlatformStatementsController {
  constructor(
    private readonly mismatches: StatementMismatchesService,
    private readonly runs: StatementRunsService,
  ) {}

  @Get('statement-mismatches')
  async list(@Query() query: PlatformListMismatchesQueryDto): Promise<{ items: StatementMismatchDto[] }> {
    const scope = query.unowned === true ? null : query.institutionId;
    return { items: (await this.mismatches.list(scope, query)).map(toMismatchDto) };
  }

  @Post('statement-mismatches/:mismatchId/resolve')
  @HttpCode(200)
  async resolve(
    @CurrentUser() user: AuthUser,
    @Param('mismatchId', ParseUUIDPipe) mismatchId: string,
    @Body() dto: ResolveMismatchDto,
  ): Promise<StatementMismatchDto> {
    return toMismatchDto(await this.mismatches.resolve(undefined, mismatchId, user.userId, dto.note));
  }

  /** Runs (or re-runs) the comparison of one provider and day now and answers its outcome. */
  @Post('statement-runs')
  @HttpCode(200)
  async trigger(@CurrentUser() user: AuthUser, @Body() dto: TriggerRunDto): Promise<StatementRunDto> {
    return toRunDto(await this.runs.runNow(dto.provider, dto.date, user.userId));
  }

  @Get('statement-runs')
  async listRuns(@Query() query: ListRunsQueryDto): Promise<{ items: StatementRunDto[] }> {
    return { items: (await this.runs.listRuns(query.date)).map(toRunDto) };
  }
}
