import { Module } from '@nestjs/common';

import { CodeIpCounterRepository } from './code-ip-counter.repository';
import { CodeIpThrottle } from './code-ip-throttle';
import { VerificationCodeRepository } from './verification-code.repository';
import { VerificationCodesService } from './verification-codes.service';

@Module({
  providers: [VerificationCodesService, VerificationCodeRepository, CodeIpCounterRepository, CodeIpThrottle],
  exports: [VerificationCodesService, VerificationCodeRepository, CodeIpCounterRepository, CodeIpThrottle],
})
export class VerificationModule {}
