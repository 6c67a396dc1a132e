import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@exam/platform';
import { ChainCheckpointService } from './chain-checkpoint.service';
import { ChainVerifierService } from './chain-verifier.service';
import { ChainVerificationDto, CheckpointDto } from './dto/chain-verification.dto';

/** Chain verification for security staff. */
@Roles('security_analyst', 'platform_admin')
@Controller('chain')
export class AuditChainController {
  constructor(
    private readonly verifier: ChainVerifierService,
    private readonly checkpoints: ChainCheckpointService,
  ) {}

  @Get('verify')
  async verify(): Promise<ChainVerificationDto> {
    return ChainVerificationDto.of(await this.verifier.verify());
  }

  /** Signs the current heads now instead of waiting for the next scheduled checkpoint. */
  @Post('checkpoints')
  @HttpCode(201)
  async checkpoint(): Promise<CheckpointDto[]> {
    return (await this.checkpoints.checkpointAll()).map((c) => CheckpointDto.of(c));
  }
}
