import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrderModule } from '../order/order.module';
import { StaffAuditModule } from '../staff-audit/staff-audit.module';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceEventsConsumer } from './invoice-events.consumer';
import { InvoiceFileEntity } from './invoice-file.entity';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoiceLifecycleService } from './invoice-lifecycle.service';
import { InvoiceRequestsService } from './invoice-requests.service';
import { CandidateInvoicesController, StaffInvoicesController } from './invoices.controller';

@Module({
  imports: [TypeOrmModule.forFeature([InvoiceEntity, InvoiceFileEntity]), OrderModule, StaffAuditModule],
  controllers: [CandidateInvoicesController, StaffInvoicesController, InvoiceEventsConsumer],
  providers: [InvoiceRepository, InvoiceRequestsService, InvoiceIssuingService, InvoiceLifecycleService],
})
export class InvoiceModule {}
