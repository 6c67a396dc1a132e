import { Module } from '@nestjs/common';

import { StaffActionRecorder } from './staff-action-recorder.service';

/** The audit trail of payments' staff decisions (see docs/adr/0053-payments-refund-approval-and-reports.md). */
@Module({
  providers: [StaffActionRecorder],
  exports: [StaffActionRecorder],
})
export class StaffAuditModule {}
