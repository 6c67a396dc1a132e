import { Clock, Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AccountsEnv } from '../../config/accounts.env';
import { clientInfoOf } from '../client-info';
import {
  FaceSignInDto,
  FaceStepUpDto,
  FaceTicketRequestDto,
  FaceTicketResponseDto,
  TokenResponseDto,
  VerificationRequiredDto,
} from '../dto/login.dto';
import { replySignedIn } from '../signed-in.reply';
import { StepUpService } from '../step-up.service';
import { FaceSignInService } from './face-sign-in.service';
import { FaceTicketsService } from './face-tickets.service';

/**
 * Signing in with the face: by itself (face sign-in), or to confirm a risky password sign-in (step-up). The
 * face check itself happens at the identity service with the ticket given here.
 */
@Controller('auth')
export class FaceSignInController {
  constructor(
    private readonly faceSignIn: FaceSignInService,
    private readonly tickets: FaceTicketsService,
    private readonly stepUp: StepUpService,
    private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  /**
   * Body `{ login }`. Always 200 with a face ticket for `POST /api/identity/face/pre-auth/challenges`; whether the
   * account exists or has a face shows only at the identity service, as "face sign-in unavailable".
   */
  @Public()
  @Post('face-login/ticket')
  @HttpCode(200)
  async ticket(@Body() dto: FaceTicketRequestDto): Promise<FaceTicketResponseDto> {
    return FaceTicketResponseDto.from(await this.tickets.ticketFor(dto.login, 'face_login'));
  }

  /**
   * Body `{ faceCheckToken }` from the passed face check. 200 as a password sign-in; 202 with a step-up
   * challenge (a code only: `POST auth/step-up`) on a device this account has not signed in on, or while a
   * step-up is pending. Each token works once.
   */
  @Public()
  @Post('face-login')
  @HttpCode(200)
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: FaceSignInDto,
  ): Promise<TokenResponseDto | VerificationRequiredDto> {
    const client = clientInfoOf(request);
    const result = await this.faceSignIn.signIn(dto.faceCheckToken, client);
    if (result.kind === 'verification_required') {
      void reply.status(202);
      return Object.assign(new VerificationRequiredDto(), {
        verificationRequired: true as const,
        method: 'one_time_code' as const,
        methods: ['one_time_code' as const],
        ...result.challenge,
      });
    }
    return replySignedIn(reply, client, result.signedIn, this.env, this.clock.now());
  }

  /** Confirms a risky sign-in (202 from `auth/login` with `methods` including `face`) with a face check taken with its `faceTicket`. */
  @Public()
  @Post('step-up/face')
  @HttpCode(200)
  async completeStepUp(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: FaceStepUpDto,
  ): Promise<TokenResponseDto> {
    const client = clientInfoOf(request);
    const signedIn = await this.stepUp.completeWithFace(dto.challengeId, dto.faceCheckToken, client);
    return replySignedIn(reply, client, signedIn, this.env, this.clock.now());
  }
}
