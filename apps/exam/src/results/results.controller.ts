import { type AuthUser, CurrentUser, Roles, TenantRoles } from '@exam/platform';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import { CandidateResultsService } from './candidate-results.service';
import type { AttemptReviewDto, ExamResultsDto, ResultsReleaseDto } from './dto/result.dto';
import { toAttemptReviewDto, toExamResultsDto, toResultsReleaseDto } from './dto/result.mapper';
import { ResultsReleaseService } from './results-release.service';

/** A candidate's own results and reviews; another candidate's attempt answers 404. */
@Controller('me')
@Roles('candidate')
export class CandidateResultsController {
  constructor(private readonly candidateResults: CandidateResultsService) {}

  /** Each attempt's status, score, pass/fail and which one counts; 409 with when, until released. */
  @Get('exams/:examId/results')
  async results(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamResultsDto> {
    return toExamResultsDto(await this.candidateResults.results(user.userId, examId));
  }

  /** Your answers, the correct answers and explanations, where the exam allows review. */
  @Get('attempts/:attemptId/review')
  async review(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptReviewDto> {
    return toAttemptReviewDto(await this.candidateResults.review(user.userId, attemptId));
  }
}

/** Staff release of an exam's results (policy after_marking). */
@Controller('institutions/:institutionId/exams/:examId/results')
@TenantRoles('institutionId', ['org_admin'])
export class ResultsReleaseController {
  constructor(private readonly releases: ResultsReleaseService) {}

  /** Idempotent: the first call releases and is audited (exam.results.released); later calls change nothing. */
  @Post('release')
  @HttpCode(200)
  async release(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ResultsReleaseDto> {
    return toResultsReleaseDto(await this.releases.release(institutionId, examId, user.userId));
  }
}
