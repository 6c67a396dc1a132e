import { AllowedWithPendingPolicy, AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import {
  GuardianConsentWithdrawnDto,
  WithdrawGuardianConsentDto,
} from './dto/guardian-consent-withdrawal.dto';
import { GuardianConsentWithdrawalService } from './guardian-consent-withdrawal.service';

/** Guardian consent for a child's account (under 14), acted on from the child's account by the guardian. */
@Roles('candidate')
@Controller('real-name/guardian-consent')
export class GuardianConsentController {
  constructor(private readonly withdrawals: GuardianConsentWithdrawalService) {}

  /**
   * The guardian withdraws consent by entering their own name and ID number again (compared with the guardian
   * record of the consent; each try costs one of the day's real-name attempts). The child's real-name record and
   * face data are erased and `identity.guardian_consent.withdrawn` is published. 403
   * IDENTITY.GUARDIAN_MISMATCH when the identifiers are not the consenting guardian's.
   */
  @Post('withdrawal')
  @HttpCode(200)
  @AllowedWithPendingPolicy()
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Body() dto: WithdrawGuardianConsentDto,
  ): Promise<GuardianConsentWithdrawnDto> {
    const withdrawal = await this.withdrawals.withdraw(user.userId, {
      name: dto.guardianName,
      idNumber: dto.guardianIdNumber,
    });
    return GuardianConsentWithdrawnDto.from(withdrawal);
  }
}
