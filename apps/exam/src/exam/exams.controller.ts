import { TenantRoles } from '@exam/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';

import {
  AccommodationDto,
  AccommodationResponseDto,
  ExamDto,
  ExamNoticeDto,
  ExamResponseDto,
  ListExamsQueryDto,
  OpenExamsQueryDto,
} from './dto/exam.dto';
import { toAccommodationDto, toExamDto, toNoticeDto } from './exam.mapper';
import { ExamsService } from './exams.service';

@Controller('institutions/:institutionId/exams')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class ExamsController {
  constructor(private readonly exams: ExamsService) {}

  @Post()
  async create(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: ExamDto,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.create(institutionId, dto));
  }

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ListExamsQueryDto,
  ): Promise<{ items: ExamResponseDto[] }> {
    return { items: (await this.exams.list(institutionId, query.status)).map(toExamDto) };
  }

  @Get(':examId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.get(institutionId, examId));
  }

  /** Replaces the exam; once published only some fields may change (409 EXAM.LOCKED_AFTER_PUBLISH names the others). */
  @Put(':examId')
  async update(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Body() dto: ExamDto,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.update(institutionId, examId, dto));
  }

  @Delete(':examId')
  @HttpCode(204)
  async delete(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<void> {
    await this.exams.delete(institutionId, examId);
  }

  @Post(':examId/publish')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  async publish(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.publish(institutionId, examId));
  }

  @Post(':examId/close')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  async close(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.close(institutionId, examId));
  }

  @Post(':examId/archive')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  async archive(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamResponseDto> {
    return toExamDto(await this.exams.archive(institutionId, examId));
  }

  @Get(':examId/accommodations')
  async accommodations(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<{ items: AccommodationResponseDto[] }> {
    const { exam, items } = await this.exams.accommodations(institutionId, examId);
    return { items: items.map((a) => toAccommodationDto(exam, a)) };
  }

  @Put(':examId/accommodations/:userId')
  async setAccommodation(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: AccommodationDto,
  ): Promise<AccommodationResponseDto> {
    const { exam, accommodation } = await this.exams.setAccommodation(institutionId, examId, userId, dto);
    return toAccommodationDto(exam, accommodation);
  }

  @Delete(':examId/accommodations/:userId')
  @HttpCode(204)
  async deleteAccommodation(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.exams.deleteAccommodation(institutionId, examId, userId);
  }
}

/** What any signed-in candidate may read: open exams and their notices. */
@Controller('exams')
export class ExamCatalogueController {
  constructor(private readonly exams: ExamsService) {}

  @Get('open')
  async open(@Query() query: OpenExamsQueryDto): Promise<{ items: ExamNoticeDto[] }> {
    return { items: (await this.exams.listOpen(query.institutionId)).map(toNoticeDto) };
  }

  @Get(':examId/notice')
  async notice(@Param('examId', ParseUUIDPipe) examId: string): Promise<ExamNoticeDto> {
    return toNoticeDto(await this.exams.notice(examId));
  }
}
