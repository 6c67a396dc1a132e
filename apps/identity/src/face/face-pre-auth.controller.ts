import {
  AUTH_SETTINGS,
  type AuthSettings,
  type FaceTicketClaims,
  Public,
  verifyFaceTicket,
} from '@exam/platform';
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { IdentityEnv } from '../config/identity.env';
import { PreAuthAnswerDto, PreAuthChallengeDto } from './dto/face-pre-auth.dto';
import { FaceChallengeResponseDto, FaceCheckResponseDto } from './dto/face-responses.dto';
import { FaceConsentRequiredError, FaceNotEnrolledError, FaceSignInUnavailableError } from './face.errors';
import { FaceCheckService } from './face-check.service';
import { PreAuthIpBudget } from './pre-auth-ip-budget';

const image = (base64: string): Buffer => Buffer.from(base64, 'base64');

/**
 * Face checks for people who are not signed in yet: a risky sign-in's step-up, face sign-in and password
 * recovery. The face ticket from accounts stands in for the access token and fixes the account, the purpose
 * and the accounts request; the face-check token that a pass yields carries that request back to accounts.
 */
@Controller('face/pre-auth')
export class FacePreAuthController {
  constructor(
    private readonly checks: FaceCheckService,
    private readonly ipBudget: PreAuthIpBudget,
    @Inject(AUTH_SETTINGS) private readonly auth: AuthSettings,
    private readonly env: IdentityEnv,
  ) {}

  /**
   * Body `{ ticket }`. 201: the liveness challenge for the ticket's account; 409 FACE.SIGN_IN_UNAVAILABLE when it
   * has no usable face; 429 FACE.TOO_MANY_FAILURES_FROM_NETWORK after too many failed checks from this network.
   */
  @Public()
  @Post('challenges')
  async challenge(
    @Req() request: FastifyRequest,
    @Body() dto: PreAuthChallengeDto,
  ): Promise<FaceChallengeResponseDto> {
    const ticket = this.ticketOf(dto.ticket);
    await this.ipBudget.assertAllowed(request.ip);
    const challenge = await uniformly(() =>
      this.checks.createChallenge(ticket.sub, ticket.purpose, undefined, ticket.ref),
    );
    return FaceChallengeResponseDto.from(challenge);
  }

  /** 200 for both outcomes, as for signed-in checks; a pass carries the face-check token to give to accounts. */
  @Public()
  @Post('checks')
  @HttpCode(200)
  async check(@Req() request: FastifyRequest, @Body() dto: PreAuthAnswerDto): Promise<FaceCheckResponseDto> {
    const ticket = this.ticketOf(dto.ticket);
    // Failed decisions spend the network's budget (reserved before the face work); a pass does not.
    const decision = await this.ipBudget.spend(
      request.ip,
      () =>
        uniformly(() =>
          this.checks.check({
            userId: ticket.sub,
            challengeId: dto.challengeId,
            nonce: dto.nonce,
            frames: dto.frames.map(image),
            frameTimesMs: dto.frameTimesMs,
            ticket: { purpose: ticket.purpose, ref: ticket.ref },
          }),
        ),
      (result) => result.token === null,
    );
    return FaceCheckResponseDto.from(decision);
  }

  private ticketOf(ticket: string): FaceTicketClaims {
    return verifyFaceTicket(ticket, this.auth.publicKeys, this.env.FACE_TICKET_SUBJECT_KEY);
  }
}

async function uniformly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof FaceConsentRequiredError || error instanceof FaceNotEnrolledError)
      throw new FaceSignInUnavailableError();
    throw error;
  }
}
