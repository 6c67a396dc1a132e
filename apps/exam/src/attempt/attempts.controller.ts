import { type AuthUser, CurrentUser, Roles } from '@exam/platform';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { AttemptAnswersService } from './attempt-answers.service';
import { AttemptClosingService } from './attempt-closing.service';
import { AttemptStartService } from './attempt-start.service';
import {
  AttemptResponseDto,
  SaveAnswerDto,
  SaveAnswerResponseDto,
  StartAttemptDto,
  StartAttemptInExamDto,
} from './dto/attempt.dto';
import { toAttemptDto, toSaveAnswerDto } from './dto/attempt.mapper';
import { chooseContentCoding } from './paper-body/content-coding';
import { etagMatches } from './paper-body/etag';

/**
 * A candidate's attempts: start, resume, autosave, takeover, submit. Every request names its device
 * (X-Device-Id); one device holds an attempt at a time.
 */
@Controller()
@Roles('candidate')
export class AttemptsController {
  constructor(
    private readonly starts: AttemptStartService,
    private readonly answers: AttemptAnswersService,
    private readonly closing: AttemptClosingService,
  ) {}

  /**
   * 201 with a new attempt, or 200 with the one already running on this device. The exam room's route: under
   * `/attempts`, which the ingress sends straight to exam (ADR 0048, decision 9), as the rest of the room.
   */
  @Post('attempts')
  startInExam(
    @CurrentUser() user: AuthUser,
    @Headers('x-device-id') device: string | undefined,
    @Ip() ip: string,
    @Body() dto: StartAttemptInExamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptResponseDto> {
    return this.startAttempt(user, dto.examId, device, ip, dto, reply);
  }

  /** The same as `POST /attempts`, with the exam in the path (through the gateway, counted there). */
  @Post('exams/:examId/attempts')
  start(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Headers('x-device-id') device: string | undefined,
    @Ip() ip: string,
    @Body() dto: StartAttemptDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptResponseDto> {
    return this.startAttempt(user, examId, device, ip, dto, reply);
  }

  @Get('attempts/:attemptId')
  async resume(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Headers('x-device-id') device: string | undefined,
  ): Promise<AttemptResponseDto> {
    const view = await this.answers.resume(user.userId, attemptId, device);
    return toAttemptDto(view.attempt, view.answers, view.now);
  }

  /**
   * The candidate's paper alone (no answers, no explanations), immutable once the attempt started: served from
   * the per-process copy, serialized and compressed once (brotli or gzip as the client accepts), with a validator,
   * so a reload asks with If-None-Match and gets 304 without a body. The exam room fetches it once and keeps its
   * state (answers, clock) through resume and autosave; no other answer carries the paper.
   */
  @Get('attempts/:attemptId/paper')
  @ApiOkResponse({ description: 'The paper as delivered to this candidate: no answers, no explanations.' })
  async paper(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const body = await this.answers.paperBody(user.userId, attemptId);
    const coding = chooseContentCoding(acceptEncoding);
    // One validator per representation (RFC 9110 § 8.8.3): a compressed body is not the same bytes.
    const etag = coding === 'identity' ? `"paper-${attemptId}"` : `"paper-${attemptId}-${coding}"`;
    void reply
      .header('etag', etag)
      .header('vary', 'accept-encoding')
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-type', 'application/json; charset=utf-8');
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) {
      void reply.status(304);
      return '';
    }
    if (coding !== 'identity') void reply.header('content-encoding', coding);
    return body.in(coding);
  }

  @Put('attempts/:attemptId/answers/:questionId')
  async save(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Headers('x-device-id') device: string | undefined,
    @Body() dto: SaveAnswerDto,
  ): Promise<SaveAnswerResponseDto> {
    return toSaveAnswerDto(
      await this.answers.save({
        userId: user.userId,
        attemptId,
        questionId,
        deviceHeader: device,
        seq: dto.seq,
        idempotencyKey: dto.idempotencyKey,
        answer: dto.answer,
      }),
    );
  }

  @Post('attempts/:attemptId/takeover')
  @HttpCode(200)
  async takeOver(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Headers('x-device-id') device: string | undefined,
  ): Promise<AttemptResponseDto> {
    const view = await this.answers.takeOver(user.userId, attemptId, device);
    return toAttemptDto(view.attempt, view.answers, view.now);
  }

  @Post('attempts/:attemptId/submit')
  @HttpCode(200)
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Headers('x-device-id') device: string | undefined,
  ): Promise<AttemptResponseDto> {
    const view = await this.closing.submit(user.userId, attemptId, device);
    return toAttemptDto(view.attempt, view.answers, view.now);
  }

  private async startAttempt(
    user: AuthUser,
    examId: string,
    device: string | undefined,
    ip: string,
    dto: StartAttemptDto,
    reply: FastifyReply,
  ): Promise<AttemptResponseDto> {
    const { attempt, answers, resumed, now } = await this.starts.start({
      userId: user.userId,
      examId,
      deviceHeader: device,
      ip,
      faceCheckToken: dto.faceCheckToken,
      accessPassword: dto.accessPassword,
    });
    if (resumed) void reply.status(200);
    return toAttemptDto(attempt, answers, now, resumed);
  }
}
