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

import { PaperDto, PaperPreviewDto, PaperResponseDto, PreviewQueryDto } from './dto/paper.dto';
import { toPaperDto } from './dto/paper.mapper';
import { PapersService } from './papers.service';

@Controller('institutions/:institutionId/papers')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class PapersController {
  constructor(private readonly papers: PapersService) {}

  @Post()
  async create(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: PaperDto,
  ): Promise<PaperResponseDto> {
    return toPaperDto(await this.papers.create(institutionId, dto));
  }

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ items: PaperResponseDto[] }> {
    return { items: (await this.papers.list(institutionId)).map(toPaperDto) };
  }

  @Get(':paperId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('paperId', ParseUUIDPipe) paperId: string,
  ): Promise<PaperResponseDto> {
    return toPaperDto(await this.papers.get(institutionId, paperId));
  }

  /** Published exams keep the snapshot they froze; editing the paper changes only exams published later. */
  @Put(':paperId')
  async update(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('paperId', ParseUUIDPipe) paperId: string,
    @Body() dto: PaperDto,
  ): Promise<PaperResponseDto> {
    return toPaperDto(await this.papers.update(institutionId, paperId, dto));
  }

  @Delete(':paperId')
  @HttpCode(204)
  async delete(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('paperId', ParseUUIDPipe) paperId: string,
  ): Promise<void> {
    await this.papers.delete(institutionId, paperId);
  }

  @Get(':paperId/preview')
  async preview(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('paperId', ParseUUIDPipe) paperId: string,
    @Query() query: PreviewQueryDto,
  ): Promise<PaperPreviewDto> {
    return { paper: await this.papers.preview(institutionId, paperId, query.seed) };
  }
}
