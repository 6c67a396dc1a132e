import { TenantRoles } from '@exam/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';

import { toQuestionDto, toVersionDto } from './bank.mapper';
import {
  ImportJsonDto,
  ImportResultDto,
  ImportXlsxDto,
  ListQuestionsQueryDto,
  QuestionDto,
  QuestionPageDto,
  QuestionResponseDto,
  QuestionVersionResponseDto,
} from './dto/bank.dto';
import { type ExportedQuestion, QuestionImportService } from './question-import.service';
import { XLSX_CONTENT_TYPE } from './question-workbook';
import { QuestionsService } from './questions.service';

@Controller('institutions/:institutionId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class QuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly imports: QuestionImportService,
  ) {}

  @Post('banks/:bankId/questions')
  async create(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: QuestionDto,
  ): Promise<QuestionResponseDto> {
    const { question, version } = await this.questions.create(institutionId, bankId, dto);
    return toQuestionDto(question, version);
  }

  @Get('banks/:bankId/questions')
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Query() query: ListQuestionsQueryDto,
  ): Promise<QuestionPageDto> {
    const page = await this.questions.list(institutionId, bankId, query);
    return { items: page.items.map((i) => toQuestionDto(i.question, i.version)), total: page.total };
  }

  @Get('banks/:bankId/questions/:questionId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<QuestionResponseDto> {
    const { question, version } = await this.questions.get(institutionId, bankId, questionId);
    return toQuestionDto(question, version);
  }

  /** Replaces the question; a version a published exam uses is kept and a new version is made instead. */
  @Put('banks/:bankId/questions/:questionId')
  async update(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: QuestionDto,
  ): Promise<QuestionResponseDto> {
    const { question, version } = await this.questions.update(institutionId, bankId, questionId, dto);
    return toQuestionDto(question, version);
  }

  @Delete('banks/:bankId/questions/:questionId')
  @HttpCode(204)
  async delete(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<void> {
    await this.questions.delete(institutionId, bankId, questionId);
  }

  @Get('banks/:bankId/questions/:questionId/versions')
  async versions(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<{ items: QuestionVersionResponseDto[] }> {
    return { items: (await this.questions.versions(institutionId, bankId, questionId)).map(toVersionDto) };
  }

  @Get('banks/:bankId/questions/:questionId/versions/:version')
  async version(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<QuestionVersionResponseDto> {
    return toVersionDto(await this.questions.version(institutionId, bankId, questionId, version));
  }

  /** All-or-nothing: 400 IMPORT.ROWS_INVALID lists every bad row (row, column, reason) and nothing is stored. */
  @Post('banks/:bankId/import/json')
  async importJson(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: ImportJsonDto,
  ): Promise<ImportResultDto> {
    return this.imports.importJson(institutionId, bankId, dto);
  }

  /** The workbook of docs/exam/question-import-template.md, base64-encoded in `fileBase64`. */
  @Post('banks/:bankId/import/xlsx')
  async importXlsx(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: ImportXlsxDto,
  ): Promise<ImportResultDto> {
    return this.imports.importXlsx(institutionId, bankId, Buffer.from(dto.fileBase64, 'base64'));
  }

  @Get('banks/:bankId/export/json')
  exportJson(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<{ format: 'exam-bank/v1'; questions: ExportedQuestion[] }> {
    return this.imports.exportJson(institutionId, bankId);
  }

  @Get('banks/:bankId/export/xlsx')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="questions.xlsx"')
  async exportXlsx(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.exportXlsx(institutionId, bankId));
  }

  @Get('question-import-template.xlsx')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="question-import-template.xlsx"')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template());
  }
}
