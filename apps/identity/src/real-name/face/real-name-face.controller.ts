import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Post } from '@nestjs/common';

import { CreateRealNameFaceChallengeDto, RealNameFaceChallengeResponseDto } from './dto/real-name-face.dto';
import { RealNameLivenessService } from './real-name-liveness.service';

/** The liveness challenge of the real-name face step; its answer goes with POST /real-name/verifications (`face`). */
@Roles('candidate')
@Controller('real-name')
export class RealNameFaceController {
  constructor(private readonly liveness: RealNameLivenessService) {}

  /**
   * A random order of head movements (turn_left, turn_right, look_straight), a nonce and a 2-minute expiry.
   * Needs face-biometrics consent on file, or `consent: true` with the policy version.
   */
  @Post('face-challenges')
  async challenge(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateRealNameFaceChallengeDto,
  ): Promise<RealNameFaceChallengeResponseDto> {
    const challenge = await this.liveness.createChallenge(user.userId, {
      given: dto.consent === true,
      ...(dto.consentPolicyVersion === undefined ? {} : { policyVersion: dto.consentPolicyVersion }),
    });
    return RealNameFaceChallengeResponseDto.from(challenge);
  }
}
