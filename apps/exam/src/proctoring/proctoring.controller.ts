import { type AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import { ReportProctoringEventsDto } from './dto/proctoring.dto';
import { toReportDto } from './dto/proctoring.mapper';
import type { ReportProctoringEventsResponseDto } from './dto/proctoring-responses.dto';
import { ProctoringEventsService } from './proctoring-events.service';

/** The exam room's proctoring reports, from the device that holds the attempt (X-Device-Id). */
@Controller()
@Roles('candidate')
export class ProctoringController {
  constructor(private readonly events: ProctoringEventsService) {}

  /**
   * Records a batch of proctoring events once (a retry with the same client event ids records nothing twice)
   * and answers what the anti-cheat policy made of them: warnings so far, and whether a consequence applied.
   */
  @Post('attempts/:attemptId/proctoring-events')
  @HttpCode(200)
  async report(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Headers('x-device-id') device: string | undefined,
    @Body() dto: ReportProctoringEventsDto,
  ): Promise<ReportProctoringEventsResponseDto> {
    return toReportDto(
      await this.events.report({ userId: user.userId, attemptId, deviceHeader: device, events: dto.events }),
    );
  }
}
