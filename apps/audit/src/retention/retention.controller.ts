import { Roles } from '@exam/platform';
import { Controller, HttpCode, Post } from '@nestjs/common';

import { type AppliedRetention, RetentionService } from './retention.service';

@Roles('platform_admin')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** Runs the retention job now instead of waiting for its schedule. */
  @Post('run')
  @HttpCode(200)
  run(): Promise<AppliedRetention> {
    return this.retention.apply();
  }
}
