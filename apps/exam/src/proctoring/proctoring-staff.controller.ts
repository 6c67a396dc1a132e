import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import type { StaffAction } from './domain/staff-action';
import { AddTimeDto, StaffActionReasonDto } from './dto/proctoring.dto';
import { toBoardDto, toStaffActionDto, toTimelineDto } from './dto/proctoring.mapper';
import type {
  AttemptTimelineDto,
  ProctoringBoardDto,
  StaffActionResponseDto,
} from './dto/proctoring-responses.dto';
import { ProctoringBoardService } from './proctoring-board.service';
import { ProctoringStaffService } from './proctoring-staff.service';

/** The institution's invigilators: the live board of an exam, an attempt's timeline, and actions on attempts. */
@Controller('institutions/:institutionId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class ProctoringStaffController {
  constructor(
    private readonly board: ProctoringBoardService,
    private readonly staff: ProctoringStaffService,
  ) {}

  @Get('exams/:examId/proctoring-board')
  async liveBoard(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ProctoringBoardDto> {
    return toBoardDto(await this.board.board(institutionId, examId));
  }

  @Get('attempts/:attemptId/timeline')
  async timeline(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptTimelineDto> {
    return toTimelineDto(await this.board.timeline(institutionId, attemptId));
  }

  /** Moves the deadline and the save window later by `minutes` (1 to 240). */
  @Post('attempts/:attemptId/add-time')
  @HttpCode(200)
  addTime(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: AddTimeDto,
  ): Promise<StaffActionResponseDto> {
    return this.act(user, institutionId, attemptId, 'add_time', dto.reason, dto.minutes);
  }

  /** Stops the attempt's clock: saves and submission are refused (ATTEMPT.PAUSED) until it is resumed. */
  @Post('attempts/:attemptId/pause')
  @HttpCode(200)
  pause(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: StaffActionReasonDto,
  ): Promise<StaffActionResponseDto> {
    return this.act(user, institutionId, attemptId, 'pause', dto.reason);
  }

  /** Restarts the clock with the time left at the pause (the deadline moves by the paused time). */
  @Post('attempts/:attemptId/resume')
  @HttpCode(200)
  resume(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: StaffActionReasonDto,
  ): Promise<StaffActionResponseDto> {
    return this.act(user, institutionId, attemptId, 'resume', dto.reason);
  }

  /** Closes the attempt for good, keeping its saved answers; the candidate is told ATTEMPT.TERMINATED. */
  @Post('attempts/:attemptId/terminate')
  @HttpCode(200)
  terminate(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: StaffActionReasonDto,
  ): Promise<StaffActionResponseDto> {
    return this.act(user, institutionId, attemptId, 'terminate', dto.reason);
  }

  private async act(
    user: AuthUser,
    institutionId: string,
    attemptId: string,
    action: StaffAction,
    reason: string,
    minutes?: number,
  ): Promise<StaffActionResponseDto> {
    const result = await this.staff.act({
      institutionId,
      attemptId,
      staffUserId: user.userId,
      action,
      reason,
      ...(minutes === undefined ? {} : { minutes }),
    });
    return toStaffActionDto(result);
  }
}
