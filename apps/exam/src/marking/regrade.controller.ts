import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import {
  KeyChangeDto,
  KeyChangeResponseDto,
  RegradeDto,
  RegradeProgressDto,
  ScoreHistoryResponseDto,
} from './dto/marking.dto';
import { toKeyChangeDto, toScoreHistoryDto } from './dto/marking.mapper';
import { RegradeService } from './regrade.service';
import { ScoreHistoryService } from './score-history.service';

/** Key changes after an exam, the regrading they cause, and the score history of attempts. */
@Controller('institutions/:institutionId/exams/:examId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class RegradeController {
  constructor(
    private readonly regrades: RegradeService,
    private readonly history: ScoreHistoryService,
  ) {}

  /**
   * Changes one question's key (accept another answer, replace the key, drop the question: full points to
   * everyone) and regrades the first batch of closed attempts; continue with POST …/regrade while nextAfter
   * is set (org_admin).
   */
  @Post('key-changes')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  async changeKey(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Body() dto: KeyChangeDto,
  ): Promise<KeyChangeResponseDto> {
    const { change, progress } = await this.regrades.changeKey(
      institutionId,
      examId,
      user.userId,
      dto.questionId,
      {
        action: dto.action,
        ...(dto.choices === undefined ? {} : { choices: dto.choices }),
        ...(dto.truth === undefined ? {} : { truth: dto.truth }),
        ...(dto.blanks === undefined ? {} : { blanks: dto.blanks.map((b) => b.accepted) }),
      },
      dto.reason,
    );
    return toKeyChangeDto(change, progress);
  }

  /** Regrades the next batch of closed attempts with every key change of the exam (org_admin). */
  @Post('regrade')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  async regrade(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Body() dto: RegradeDto,
  ): Promise<RegradeProgressDto> {
    return { ...(await this.regrades.regrade(institutionId, examId, dto.after ?? null)) };
  }

  /** Every change of the attempt's question scores: old, new, why, who, when. */
  @Get('attempts/:attemptId/score-history')
  async scoreHistory(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<ScoreHistoryResponseDto> {
    return toScoreHistoryDto(attemptId, await this.history.ofAttempt(institutionId, examId, attemptId));
  }
}
