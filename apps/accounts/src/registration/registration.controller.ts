import { Public } from '@exam/platform';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { RegistrationCompletedDto, RegistrationStartedDto } from './dto/registration-response.dto';
import { StartRegistrationDto, VerifyRegistrationDto } from './dto/start-registration.dto';
import { RegistrationService, type RegistrationStarted } from './registration.service';

function toStartedDto(started: RegistrationStarted): RegistrationStartedDto {
  return Object.assign(new RegistrationStartedDto(), started);
}

@Public()
@Controller('registrations')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @HttpCode(202)
  async start(
    @Req() request: FastifyRequest,
    @Body() dto: StartRegistrationDto,
  ): Promise<RegistrationStartedDto> {
    return toStartedDto(await this.registrations.start(dto, request.ip));
  }

  @Post(':registrationId/code')
  @HttpCode(202)
  async resend(
    @Req() request: FastifyRequest,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<RegistrationStartedDto> {
    return toStartedDto(await this.registrations.resend(registrationId, request.ip));
  }

  @Post(':registrationId/verify')
  @HttpCode(200)
  async verify(
    @Req() request: FastifyRequest,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: VerifyRegistrationDto,
  ): Promise<RegistrationCompletedDto> {
    const { userId } = await this.registrations.verify(registrationId, dto.code, request.ip);
    return Object.assign(new RegistrationCompletedDto(), { userId, status: 'active' as const });
  }
}
