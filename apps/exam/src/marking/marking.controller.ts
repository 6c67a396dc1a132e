import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';

import {
  GiveMarkDto,
  MarkingBatchDto,
  MarkingBatchResponseDto,
  MarkingProgressDto,
  MarkResultDto,
  RemarkDto,
} from './dto/marking.dto';
import { toMarkingBatchDto, toMarkingProgressDto, toMarkResultDto } from './dto/marking.mapper';
import { MarkingMarksService } from './marking-marks.service';
import { MarkingQueueService } from './marking-queue.service';

const DEFAULT_BATCH = 10;

/**
 * The marking queue of an exam, for its institution's staff: one question at a time across every script,
 * anonymous (opaque script ids), in each marker's own random order, claimed so two markers never get the
 * same answer.
 */
@Controller('institutions/:institutionId/exams/:examId/marking')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class MarkingController {
  constructor(
    private readonly queue: MarkingQueueService,
    private readonly marks: MarkingMarksService,
  ) {}

  /** Questions with answers to mark, and how many are to mark, in reconciliation and marked. */
  @Get('questions')
  async progress(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<MarkingProgressDto> {
    const { exam, questions } = await this.queue.progress(institutionId, examId);
    return toMarkingProgressDto(exam, questions);
  }

  /** Claims the next answers of one question for the caller (held for EXAM_MARKING_CLAIM_SECONDS). */
  @Post('questions/:questionId/batch')
  @HttpCode(200)
  async batch(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: MarkingBatchDto,
  ): Promise<MarkingBatchResponseDto> {
    return toMarkingBatchDto(
      await this.queue.nextBatch(institutionId, examId, questionId, user.userId, dto.size ?? DEFAULT_BATCH),
    );
  }

  /** Gives the caller's mark to one answer (once per marker and answer). */
  @Post('questions/:questionId/scripts/:scriptId/marks')
  async mark(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Param('scriptId', ParseUUIDPipe) scriptId: string,
    @Body() dto: GiveMarkDto,
  ): Promise<MarkResultDto> {
    return toMarkResultDto(
      await this.marks.mark(
        { institutionId, examId, questionId, scriptId, actorId: user.userId },
        dto.mark,
        dto.comment ?? '',
      ),
    );
  }

  /** Changes the final mark of a marked answer, with a reason (org_admin). */
  @Put('questions/:questionId/scripts/:scriptId/final-mark')
  @TenantRoles('institutionId', ['org_admin'])
  async remark(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Param('scriptId', ParseUUIDPipe) scriptId: string,
    @Body() dto: RemarkDto,
  ): Promise<MarkResultDto> {
    return toMarkResultDto(
      await this.marks.remark(
        { institutionId, examId, questionId, scriptId, actorId: user.userId },
        dto.mark,
        dto.reason,
      ),
    );
  }
}
