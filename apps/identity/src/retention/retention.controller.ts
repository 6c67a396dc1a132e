import { Roles } from '@exam/platform';
import { Controller, HttpCode, Post } from '@nestjs/common';

import { RawImagePurgeResponseDto } from '../face/raw-images/dto/face-images.dto';
import { RetentionService } from './retention.service';

/** On-demand retention of raw face images (the scheduled pass runs every RETENTION_INTERVAL_SECONDS). */
@Controller('face')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** Erases expired raw images now instead of waiting for the hourly schedule. */
  @Post('raw-images/purge')
  @HttpCode(200)
  @Roles('platform_admin')
  async purge(): Promise<RawImagePurgeResponseDto> {
    return RawImagePurgeResponseDto.from(await this.retention.purgeRawImages());
  }
}
