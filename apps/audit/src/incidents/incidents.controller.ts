import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import {
  IncidentResponseDto,
  NotifyIncidentDto,
  RecordIncidentDto,
  RegulatorReportDto,
} from './dto/incident.dto';
import { IncidentsService } from './incidents.service';

@Roles('security_analyst', 'platform_admin')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  async record(@Body() body: RecordIncidentDto, @CurrentUser() user: AuthUser): Promise<IncidentResponseDto> {
    return Object.assign(new IncidentResponseDto(), await this.incidents.record(body, user.userId));
  }

  @Get()
  async list(): Promise<IncidentResponseDto[]> {
    return (await this.incidents.list()).map((i) => Object.assign(new IncidentResponseDto(), i));
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IncidentResponseDto> {
    return Object.assign(new IncidentResponseDto(), await this.incidents.get(id));
  }

  @Post(':id/notifications')
  @HttpCode(202)
  async notify(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NotifyIncidentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IncidentResponseDto> {
    return Object.assign(new IncidentResponseDto(), await this.incidents.notify(id, body, user.userId));
  }

  @Get(':id/regulator-report')
  async report(@Param('id', new ParseUUIDPipe()) id: string): Promise<RegulatorReportDto> {
    return Object.assign(new RegulatorReportDto(), await this.incidents.regulatorReport(id));
  }
}
