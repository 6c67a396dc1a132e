import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';

import { AppealReviewService } from './appeal-review.service';
import {
  DecideLoginAppealDto,
  ListLoginAppealsQueryDto,
  LoginAppealDto,
  LoginAppealPageDto,
} from './dto/appeal-review.dto';

const DEFAULT_LIMIT = 50;

/** Security staff review users' appeals of automated login decisions (platform-wide: no institution owns them). */
@Roles('security_analyst', 'platform_admin')
@Controller('appeals')
export class AppealReviewController {
  constructor(private readonly review: AppealReviewService) {}

  /** Open appeals first, oldest first; filter by status or account. */
  @Get()
  async list(@Query() query: ListLoginAppealsQueryDto): Promise<LoginAppealPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const page = await this.review.list({
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.userId === undefined ? {} : { userId: query.userId }),
      limit,
      offset,
    });
    return Object.assign(new LoginAppealPageDto(), {
      items: page.items.map((a) => LoginAppealDto.of(a)),
      total: page.total,
      limit,
      offset,
    });
  }

  /** Upheld or overturned, with a reason; final. 409 APPEAL.ALREADY_DECIDED for the second of two reviewers. */
  @Post(':appealId/decision')
  @HttpCode(200)
  async decide(
    @Param('appealId', new ParseUUIDPipe()) appealId: string,
    @Body() body: DecideLoginAppealDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LoginAppealDto> {
    return LoginAppealDto.of(await this.review.decide(appealId, user.userId, body.decision, body.reason));
  }
}
