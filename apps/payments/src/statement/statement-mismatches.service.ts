import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import type { MismatchKind } from './domain/statement-comparison';
import { StatementMismatchNotFoundError, StatementMismatchResolvedError } from './statement.errors';
import type { MismatchStatus, StatementMismatchEntity } from './statement-mismatch.entity';
import { StatementMismatchRepository } from './statement-mismatch.repository';
import { StatementRunsService } from './statement-runs.service';

export interface MismatchQuery {
  readonly date?: string;
  readonly provider?: ProviderName;
  readonly kind?: MismatchKind;
  readonly status?: MismatchStatus;
  readonly limit?: number;
}

const DEFAULT_LIMIT = 100;

/** Staff read the mismatches (an institution only its own orders'; platform staff all) and resolve them. */
@Injectable()
export class StatementMismatchesService {
  private readonly logger = new Logger(StatementMismatchesService.name);

  constructor(
    private readonly mismatches: StatementMismatchRepository,
    private readonly runs: StatementRunsService,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `institutionId`: one institution's; null: those matching no order; undefined: all. */
  list(institutionId: string | null | undefined, query: MismatchQuery): Promise<StatementMismatchEntity[]> {
    return this.mismatches.list({
      institutionId,
      date: query.date === undefined ? undefined : this.runs.checkDate(query.date),
      provider: query.provider,
      kind: query.kind,
      status: query.status,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
  }

  /**
   * Marks one resolved with the staff member's note, who and when kept on the row and put on the audit topic.
   * Staff of an institution reach only its mismatches (another's is a 404, as if absent).
   */
  async resolve(
    institutionId: string | undefined,
    id: string,
    staffId: string,
    note: string,
  ): Promise<StatementMismatchEntity> {
    const resolved = await this.dataSource.transaction(async (tx) => {
      const mismatch = await this.mismatches.lock(tx, id, institutionId);
      if (mismatch === null) throw new StatementMismatchNotFoundError();
      if (mismatch.status === 'resolved') throw new StatementMismatchResolvedError();
      const now = this.clock.now();
      Object.assign(mismatch, {
        status: 'resolved',
        resolutionNote: note,
        resolvedBy: staffId,
        resolvedAt: now,
        updatedAt: now,
      });
      const saved = await this.mismatches.save(tx, mismatch);
      await this.staffActions.record(tx, {
        action: 'statement_mismatch_resolved',
        institutionId: mismatch.institutionId,
        staffUserId: staffId,
        subjectId: mismatch.id,
        // What the provider moved, else what the platform recorded (one side is absent for a missing trade).
        amountFen: mismatch.providerAmountFen ?? mismatch.platformAmountFen,
        reason: note,
      });
      return saved;
    });
    this.logger.log(`statement mismatch ${id} (${resolved.kind}) resolved by ${staffId}`);
    return resolved;
  }
}
