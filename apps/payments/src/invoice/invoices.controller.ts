import { type AuthUser, CurrentUser, Roles, TenantRoles } from '@exam/platform';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';

import { merchantDay } from '../statement/domain/merchant-day';
import {
  InvoiceResponseDto,
  IssueInvoiceDto,
  ListInvoicesQueryDto,
  RecordReversalDto,
  RejectInvoiceDto,
  RequestInvoiceDto,
} from './dto/invoice.dto';
import { toInvoiceDto } from './invoice.mapper';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoiceRequestsService } from './invoice-requests.service';

/** A buyer's invoice requests on their own paid orders. */
@Controller()
@Roles('candidate')
export class CandidateInvoicesController {
  constructor(private readonly requests: InvoiceRequestsService) {}

  @Post('me/orders/:orderId/invoices')
  async request(
    @CurrentUser() user: AuthUser,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() dto: RequestInvoiceDto,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(await this.requests.request(user.userId, orderId, dto));
  }

  @Get('me/invoices')
  async list(@CurrentUser() user: AuthUser): Promise<{ items: InvoiceResponseDto[] }> {
    return { items: (await this.requests.listMine(user.userId)).map(toInvoiceDto) };
  }

  @Get('me/invoices/:invoiceId')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(await this.requests.mine(user.userId, invoiceId));
  }

  @Post('me/invoices/:invoiceId/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(await this.requests.cancel(user.userId, invoiceId));
  }

  @Get('me/invoices/:invoiceId/invoice.pdf')
  @Header('content-type', 'application/pdf')
  @Header('content-disposition', 'attachment; filename="invoice.pdf"')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile((await this.requests.pdfOfMine(user.userId, invoiceId)).content);
  }
}

/** Staff of one institution handle the invoice requests on its orders. */
@Controller('institutions/:institutionId/invoices')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class StaffInvoicesController {
  constructor(
    private readonly issuing: InvoiceIssuingService,
    private readonly requests: InvoiceRequestsService,
  ) {}

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ListInvoicesQueryDto,
  ): Promise<{ items: InvoiceResponseDto[] }> {
    const invoices = await this.issuing.list(institutionId, {
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.reversal === undefined ? {} : { reversal: query.reversal }),
      // Days of the Beijing calendar, as staff read them (and as the reports and statements count).
      ...(query.from === undefined ? {} : { from: merchantDay(query.from).start }),
      ...(query.to === undefined ? {} : { to: merchantDay(query.to).end }),
    });
    return { items: invoices.map(toInvoiceDto) };
  }

  @Get(':invoiceId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(await this.issuing.ofInstitution(institutionId, invoiceId));
  }

  @Post(':invoiceId/issue')
  @HttpCode(200)
  async issue(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Body() dto: IssueInvoiceDto,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(
      await this.issuing.issue(institutionId, invoiceId, user.userId, {
        invoiceNo: dto.invoiceNo,
        issuedOn: dto.issuedOn,
        pdf: Buffer.from(dto.pdfBase64, 'base64'),
      }),
    );
  }

  @Post(':invoiceId/reject')
  @HttpCode(200)
  async reject(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Body() dto: RejectInvoiceDto,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(await this.issuing.reject(institutionId, invoiceId, user.userId, dto.reason));
  }

  @Post(':invoiceId/reversal')
  @HttpCode(200)
  async reversal(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Body() dto: RecordReversalDto,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceDto(
      await this.issuing.recordReversal(institutionId, invoiceId, user.userId, dto.reversalInvoiceNo),
    );
  }

  @Get(':invoiceId/invoice.pdf')
  @Header('content-type', 'application/pdf')
  @Header('content-disposition', 'attachment; filename="invoice.pdf"')
  async pdf(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<StreamableFile> {
    const invoice = await this.issuing.ofInstitution(institutionId, invoiceId);
    return new StreamableFile((await this.requests.pdfOf(invoice)).content);
  }
}
