import { AuthUser, Clock, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';

import { AlertsService } from './alerts.service';
import {
  AcknowledgeAlertsDto,
  AssignAlertDto,
  CommentAlertDto,
  ListAlertsQueryDto,
  ResolveAlertDto,
} from './dto/alert-requests.dto';
import {
  AcknowledgeResultDto,
  AlertDetailDto,
  AlertPageDto,
  AlertResponseDto,
} from './dto/alert-response.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The security staff's alert queue. Only security_analyst and platform_admin reach it. */
@Roles('security_analyst', 'platform_admin')
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() query: ListAlertsQueryDto): Promise<AlertPageDto> {
    const page = await this.alerts.list(query);
    const now = this.clock.now();
    return Object.assign(new AlertPageDto(), {
      items: page.rows.map((r) => AlertResponseDto.of(r, now)),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    });
  }

  @Get(':id')
  async detail(@Param('id', uuid) id: string): Promise<AlertDetailDto> {
    const { alert, comments } = await this.alerts.detail(id);
    return AlertDetailDto.detail(alert, comments, this.clock.now());
  }

  @Post('acknowledge')
  @HttpCode(200)
  async acknowledge(
    @Body() body: AcknowledgeAlertsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AcknowledgeResultDto> {
    return Object.assign(
      new AcknowledgeResultDto(),
      await this.alerts.acknowledge(body.alertIds, user.userId),
    );
  }

  @Post(':id/assign')
  @HttpCode(200)
  async assign(
    @Param('id', uuid) id: string,
    @Body() body: AssignAlertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AlertResponseDto> {
    return AlertResponseDto.of(await this.alerts.assign(id, body.assigneeId, user.userId), this.clock.now());
  }

  @Post(':id/investigate')
  @HttpCode(200)
  async investigate(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<AlertResponseDto> {
    return AlertResponseDto.of(await this.alerts.investigate(id, user.userId), this.clock.now());
  }

  @Post(':id/comments')
  @HttpCode(201)
  async comment(
    @Param('id', uuid) id: string,
    @Body() body: CommentAlertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AlertResponseDto> {
    return AlertResponseDto.of(await this.alerts.comment(id, body.body, user.userId), this.clock.now());
  }

  @Post(':id/resolve')
  @HttpCode(200)
  async resolve(
    @Param('id', uuid) id: string,
    @Body() body: ResolveAlertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AlertResponseDto> {
    return AlertResponseDto.of(
      await this.alerts.resolve(id, body.resolution, body.note, user.userId),
      this.clock.now(),
    );
  }
}
