import { IsPlainText } from '@exam/platform';
import { IsString, Length } from 'class-validator';

import type { GuardianConsentWithdrawal } from '../guardian-consent-withdrawal.service';

/** The consenting guardian's own identifiers, entered again as proof that the guardian is withdrawing. */
export class WithdrawGuardianConsentDto {
  @IsString() @IsPlainText() @Length(1, 100) guardianName!: string;
  /** Checked by the GB 11643 rules first, then compared with the guardian record of the consent. */
  @IsString() @Length(1, 40) guardianIdNumber!: string;
}

export class GuardianConsentWithdrawnDto {
  /** The account is back to waiting for a guardian's consent before any of the child's data is processed. */
  status!: 'awaiting_guardian_consent';
  consentId!: string;
  withdrawnAt!: string;
  /** What was erased because it rested on the consent. */
  erased!: string[];

  static from(withdrawal: GuardianConsentWithdrawal): GuardianConsentWithdrawnDto {
    return Object.assign(new GuardianConsentWithdrawnDto(), {
      status: 'awaiting_guardian_consent' as const,
      consentId: withdrawal.consentId,
      withdrawnAt: withdrawal.withdrawnAt.toISOString(),
      erased: ['real_name_record', 'guardian_consent', 'face_template', 'face_images'],
    });
  }
}
