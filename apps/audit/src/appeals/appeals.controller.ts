import { AuthUser, CurrentUser } from '@exam/platform';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';

import { AppealsService } from './appeals.service';
import { AppealResponseDto, CreateAppealDto, MyAssessmentDto, MyAssessmentsQueryDto } from './dto/appeal.dto';

/** Any signed-in user, about their own sign-ins only. */
@Controller('me')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get('login-decisions')
  async decisions(
    @Query() query: MyAssessmentsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MyAssessmentDto[]> {
    return (await this.appeals.myAssessments(user.userId, query.limit ?? 20)).map((d) =>
      Object.assign(new MyAssessmentDto(), d),
    );
  }

  @Post('appeals')
  async appeal(@Body() body: CreateAppealDto, @CurrentUser() user: AuthUser): Promise<AppealResponseDto> {
    return Object.assign(
      new AppealResponseDto(),
      await this.appeals.appeal(user.userId, body.attemptId, body.statement),
    );
  }
}
