import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrderEntity } from '../order/order.entity';
import { PaymentTransactionEntity } from '../order/payment-transaction.entity';
import { ProviderModule } from '../provider/provider.module';
import { RefundEntity } from '../refund/refund.entity';
import { StaffAuditModule } from '../staff-audit/staff-audit.module';
import { StatementScheduler } from './statement.scheduler';
import { StatementMismatchEntity } from './statement-mismatch.entity';
import { StatementMismatchRepository } from './statement-mismatch.repository';
import { StatementMismatchesService } from './statement-mismatches.service';
import { StatementRecordsRepository } from './statement-records.repository';
import { StatementRunEntity } from './statement-run.entity';
import { StatementRunRepository } from './statement-run.repository';
import { StatementRunsService } from './statement-runs.service';
import {
  InstitutionStatementMismatchesController,
  PlatformStatementsController,
} from './statements.controller';

/** Daily statement comparison with the providers, its mismatches and their resolution. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      StatementRunEntity,
      StatementMismatchEntity,
      PaymentTransactionEntity,
      RefundEntity,
      OrderEntity,
    ]),
    ProviderModule,
    StaffAuditModule,
  ],
  controllers: [InstitutionStatementMismatchesController, PlatformStatementsController],
  providers: [
    StatementRunRepository,
    StatementMismatchRepository,
    StatementRecordsRepository,
    StatementRunsService,
    StatementMismatchesService,
    StatementScheduler,
  ],
})
export class StatementModule {}
