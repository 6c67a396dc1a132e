import {
  type AuthUser,
  CurrentUser,
  RevealRequestDto,
  type RevealResponseDto,
  RevealsPersonalData,
  Roles,
  TenantRoles,
} from '@exam/platform';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';

import { XLSX_CONTENT_TYPE } from '../bank/question-workbook';
import { ExamsService } from '../exam/exams.service';
import { PaperPreviewDto } from '../paper/dto/paper.dto';
import { AdmissionTicketService } from '../ticket/admission-ticket.service';
import {
  ListRegistrationsQueryDto,
  RegisterDto,
  RegistrationFormDto,
  RegistrationResponseDto,
  RejectRegistrationDto,
  StaffRegistrationDto,
  TicketVerificationDto,
  VerifyTicketDto,
} from './dto/registration.dto';
import { toRegistrationDto, toStaffRegistrationDto } from './registration.mapper';
import { RegistrationReviewService } from './registration-review.service';
import { registrationsWorkbook } from './registration-workbook';
import { RegistrationsService } from './registrations.service';

/** The candidate's registrations (报名) and admission tickets. */
@Controller()
@Roles('candidate')
export class CandidateRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly tickets: AdmissionTicketService,
  ) {}

  @Get('exams/:examId/registration-form')
  async form(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<RegistrationFormDto> {
    const { exam, verified } = await this.registrations.form(user.userId, examId);
    return {
      examId: exam.id,
      requiresRealName: exam.requiresRealName,
      verified: verified !== null,
      verifiedName: verified?.maskedName ?? null,
      verifiedIdNumber: verified?.maskedIdNumber ?? null,
      fields: exam.settings.registrationForm.map((f) => ({ ...f })),
    };
  }

  @Post('exams/:examId/registrations')
  async register(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Body() dto: RegisterDto,
  ): Promise<RegistrationResponseDto> {
    return toRegistrationDto(await this.registrations.register(user.userId, examId, dto.answers));
  }

  @Get('me/registrations')
  async list(@CurrentUser() user: AuthUser): Promise<{ items: RegistrationResponseDto[] }> {
    return { items: (await this.registrations.list(user.userId)).map(toRegistrationDto) };
  }

  @Get('me/registrations/:registrationId')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<RegistrationResponseDto> {
    return toRegistrationDto(await this.registrations.get(user.userId, registrationId));
  }

  /** 409 REGISTRATION.LOCKED_AFTER_ORDER once a payment order exists (the message says how to ask for a correction). */
  @Put('me/registrations/:registrationId')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: RegisterDto,
  ): Promise<RegistrationResponseDto> {
    return toRegistrationDto(await this.registrations.update(user.userId, registrationId, dto.answers));
  }

  @Post('me/registrations/:registrationId/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<RegistrationResponseDto> {
    return toRegistrationDto(await this.registrations.cancel(user.userId, registrationId));
  }

  @Get('me/registrations/:registrationId/admission-ticket.pdf')
  @Header('content-type', 'application/pdf')
  @Header('content-disposition', 'attachment; filename="admission-ticket.pdf"')
  async ticket(
    @CurrentUser() user: AuthUser,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.tickets.pdf(user.userId, registrationId));
  }
}

/** Staff review of an exam's registrations. */
@Controller('institutions/:institutionId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class StaffRegistrationsController {
  constructor(
    private readonly review: RegistrationReviewService,
    private readonly exams: ExamsService,
  ) {}

  @Get('exams/:examId/registrations')
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Query() query: ListRegistrationsQueryDto,
  ): Promise<{ items: StaffRegistrationDto[]; total: number }> {
    const page = await this.review.list(institutionId, examId, query);
    return { items: page.rows.map(toStaffRegistrationDto), total: page.total };
  }

  @Get('exams/:examId/registrations-export.xlsx')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="registrations.xlsx"')
  async export(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<StreamableFile> {
    const exam = await this.exams.get(institutionId, examId);
    const rows = (await this.review.all(institutionId, examId)).map(toStaffRegistrationDto);
    return new StreamableFile(
      await registrationsWorkbook(
        rows,
        exam.settings.registrationForm.map((f) => f.key),
      ),
    );
  }

  @Post('exams/:examId/registrations/:registrationId/approve')
  @HttpCode(200)
  async approve(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<StaffRegistrationDto> {
    return toStaffRegistrationDto(
      await this.review.approve(institutionId, examId, registrationId, user.userId),
    );
  }

  @Post('exams/:examId/registrations/:registrationId/reject')
  @HttpCode(200)
  async reject(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: RejectRegistrationDto,
  ): Promise<StaffRegistrationDto> {
    return toStaffRegistrationDto(
      await this.review.reject(institutionId, examId, registrationId, user.userId, dto.reason),
    );
  }

  /** The candidate's paper (question and option order) as rebuilt from the stored seed; no answers. */
  @Get('exams/:examId/registrations/:registrationId/paper')
  async paper(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<PaperPreviewDto> {
    return { paper: await this.review.paperOf(institutionId, examId, registrationId) };
  }

  /** The full form answers (JSON text), for an administrator with a written reason; audited and rate-limited. */
  @Post('exams/:examId/registrations/:registrationId/reveal')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'])
  @RevealsPersonalData()
  reveal(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: RevealRequestDto,
  ): Promise<RevealResponseDto> {
    return this.review.reveal(user, institutionId, examId, registrationId, dto.reason);
  }

  /** What the door app does offline with the public key, as a route: checks the QR's signature and validity. */
  @Post('admission-tickets/verify')
  @HttpCode(200)
  verify(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: VerifyTicketDto,
  ): Promise<TicketVerificationDto> {
    return this.review.verifyTicket(institutionId, dto.token);
  }
}
