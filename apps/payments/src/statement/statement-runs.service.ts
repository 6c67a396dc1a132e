import { randomUUID } from 'node:crypto';

import { Clock, retryOnDeadlock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import { PaymentProviders } from '../provider/payment-providers';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import { merchantDateOf, merchantDay, parseStatementDate } from './domain/merchant-day';
import { compareStatement } from './domain/statement-comparison';
import {
  StatementDateInvalidError,
  StatementProviderNotOfferedError,
  StatementRunInProgressError,
  StatementUnavailableError,
} from './statement.errors';
import { StatementMismatchRepository } from './statement-mismatch.repository';
import { StatementRecordsRepository } from './statement-records.repository';
import type { StatementRunEntity } from './statement-run.entity';
import { StatementRunRepository } from './statement-run.repository';

/** How long a claimed run holds the day before another replica may take it over (a crashed run). */
const LEASE_MS = 10 * 60_000;
/** How long the job waits before retrying a day whose run failed. */
const RETRY_MS = 30 * 60_000;

/** Runs the comparison of one provider's statement of one merchant day, claimed once across replicas. */
@Injectable()
export class StatementRunsService {
  private readonly logger = new Logger(StatementRunsService.name);

  constructor(
    private readonly runs: StatementRunRepository,
    private readonly mismatches: StatementMismatchRepository,
    private readonly records: StatementRecordsRepository,
    private readonly providers: PaymentProviders,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Whether this provider has keys here (an unconfigured one has no statement). */
  offered(provider: ProviderName): boolean {
    return this.providers.get(provider).configured;
  }

  /** A calendar day not after today (Beijing), or a 400 saying which. */
  checkDate(text: string): string {
    const date = parseStatementDate(text);
    if (date === undefined)
      throw new StatementDateInvalidError(`${text.slice(0, 20)} is not a day (YYYY-MM-DD).`);
    if (date > merchantDateOf(this.clock.now()))
      throw new StatementDateInvalidError(
        `${date} is in the future: statements exist for past days and today.`,
      );
    return date;
  }

  /** Platform staff run (or re-run) a day now; 409 while it is running, 503 when the provider fails. */
  async runNow(provider: ProviderName, dateText: string, staffId: string): Promise<StatementRunEntity> {
    const date = this.checkDate(dateText);
    if (!this.offered(provider)) throw new StatementProviderNotOfferedError();
    // The claim and its audit event commit together; a refused claim (already running) is no action. In one
    // transaction the claim's duplicate-key check holds a shared lock until commit, so two staff claiming the
    // same day at once can deadlock: the victim replays and then sees the other's claim (409).
    const run = await retryOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        const claimed = await this.claim(provider, date, `staff:${staffId}`.slice(0, 64), true, tx);
        if (claimed !== undefined)
          await this.staffActions.record(tx, {
            action: 'statement_run_requested',
            institutionId: null,
            staffUserId: staffId,
            subjectId: `${provider}:${date}`,
          });
        return claimed;
      }),
    );
    if (run === undefined) throw new StatementRunInProgressError();
    const failure = await this.execute(run);
    if (failure !== undefined) throw new StatementUnavailableError(failure);
    return (await this.runs.find(provider, date)) ?? run;
  }

  /** The job's run of a day: only when never run, failed long enough ago, or abandoned. */
  async runScheduled(provider: ProviderName, date: string): Promise<'ran' | 'failed' | 'skipped'> {
    const existing = await this.runs.find(provider, date);
    if (existing?.status === 'succeeded') return 'skipped';
    const run = await this.claim(provider, date, 'job', false);
    if (run === undefined) return 'skipped';
    return (await this.execute(run)) === undefined ? 'ran' : 'failed';
  }

  listRuns(dateText: string): Promise<StatementRunEntity[]> {
    return this.runs.listOfDate(this.checkDate(dateText));
  }

  private claim(
    provider: ProviderName,
    date: string,
    by: string,
    rerun: boolean,
    tx?: EntityManager,
  ): Promise<StatementRunEntity | undefined> {
    const now = this.clock.now();
    return this.runs.claim(
      {
        id: randomUUID(),
        provider,
        date,
        by,
        now,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        rerun,
      },
      tx,
    );
  }

  /** Downloads, compares and stores; returns the failure, if any (the run is then marked failed). */
  private async execute(run: StatementRunEntity): Promise<string | undefined> {
    const day = merchantDay(run.statementDate);
    try {
      const statement = await this.providers.get(run.provider).statement(run.statementDate);
      const [payments, refunds, orders] = await Promise.all([
        this.records.payments(
          run.provider,
          day,
          statement.payments.map((p) => p.providerTradeNo),
        ),
        this.records.refundsOf(
          run.provider,
          day,
          statement.refunds.map((r) => r.outRefundNo),
        ),
        this.records.ordersByOutTradeNo([
          ...statement.payments.map((p) => p.outTradeNo),
          ...statement.refunds.map((r) => r.outTradeNo),
        ]),
      ]);
      const found = compareStatement({ statement, payments, refunds, orders });
      const now = this.clock.now();
      await this.dataSource.transaction(async (tx) => {
        await this.mismatches.replaceDay(
          tx,
          { id: run.id, provider: run.provider, date: run.statementDate },
          found,
          randomUUID,
          now,
        );
        Object.assign(run, {
          status: 'succeeded',
          finishedAt: now,
          leaseUntil: now,
          paymentsCount: statement.payments.length,
          refundsCount: statement.refunds.length,
          mismatchesCount: found.length,
          failure: null,
        });
        await this.runs.finish(tx, run);
      });
      if (found.length > 0)
        this.logger.warn(`${run.provider} ${run.statementDate}: ${found.length} statement mismatch(es)`);
      return undefined;
    } catch (error: unknown) {
      const failure = error instanceof Error ? error.message : String(error);
      const now = this.clock.now();
      await this.runs.markFailed(run.id, failure, now, new Date(now.getTime() + RETRY_MS));
      this.logger.error(`${run.provider} ${run.statementDate}: statement run failed: ${failure}`);
      return failure;
    }
  }
}
