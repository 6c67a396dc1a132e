import { Roles } from '@exam/platform';
import { Controller, Get, Query } from '@nestjs/common';

import {
  ListPrivacyRequestsQueryDto,
  StaffPrivacyRequestDto,
  StaffPrivacyRequestPageDto,
} from './dto/staff-privacy-requests.dto';
import { PrivacyRequestQueueService } from './privacy-request-queue.service';

const DEFAULT_LIMIT = 50;

/**
 * The platform's queue of privacy requests, for platform admins (who answer for data subjects' rights). Security
 * analysts are not given it: who asked for a copy of their data or cancelled an account is no security evidence.
 */
@Roles('platform_admin')
@Controller('privacy-requests')
export class StaffPrivacyRequestsController {
  constructor(private readonly queue: PrivacyRequestQueueService) {}

  /** Overdue first, then open by deadline, then completed newest first; filter by kind, status, overdue, account. */
  @Get()
  async list(@Query() query: ListPrivacyRequestsQueryDto): Promise<StaffPrivacyRequestPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const page = await this.queue.list({
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.overdue === undefined ? {} : { overdue: query.overdue === 'true' }),
      ...(query.userId === undefined ? {} : { userId: query.userId }),
      limit,
      offset,
    });
    return Object.assign(new StaffPrivacyRequestPageDto(), {
      items: page.items.map((item) => StaffPrivacyRequestDto.of(item)),
      total: page.total,
      limit,
      offset,
    });
  }
}
