import { Module } from '@nestjs/common';

import { VerificationCodeRepository } from './verification-code.repository';
import { VerificationCodesService } from './verification-codes.service';

@Module({
  providers: [VerificationCodesService, VerificationCodeRepository],
  exports: [VerificationCodesService, VerificationCodeRepository],
})
export class VerificationModule {}
