import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import { StatementRunEntity } from './statement-run.entity';

export interface RunClaim {
  readonly id: string;
  readonly provider: ProviderName;
  readonly date: string;
  readonly by: string;
  readonly now: Date;
  readonly leaseUntil: Date;
  /** Staff may run a finished day again; the job only picks up a day never run, failed or abandoned. */
  readonly rerun: boolean;
}

/** The runs of the daily comparison, one per provider and merchant day. */
@Injectable()
export class StatementRunRepository {
  constructor(@InjectRepository(StatementRunEntity) private readonly runs: Repository<StatementRunEntity>) {}

  find(provider: ProviderName, date: string, tx?: EntityManager): Promise<StatementRunEntity | null> {
    return this.repository(tx).findOneBy({ provider, statementDate: date });
  }

  listOfDate(date: string): Promise<StatementRunEntity[]> {
    return this.runs.find({ where: { statementDate: date }, order: { provider: 'ASC' } });
  }

  /**
   * Claims the day's run for this caller: a new row, or the existing one when it may run again (the unique key
   * and the conditional update make the claim atomic, so one replica or request runs it). Undefined when
   * another holds it (or, for the job, it already succeeded). In `tx` when given (a staff run and its audit event).
   */
  async claim(claim: RunClaim, tx?: EntityManager): Promise<StatementRunEntity | undefined> {
    const runs = this.repository(tx);
    const fresh: StatementRunEntity = {
      id: claim.id,
      provider: claim.provider,
      statementDate: claim.date,
      status: 'running',
      triggeredBy: claim.by,
      leaseUntil: claim.leaseUntil,
      startedAt: claim.now,
      finishedAt: null,
      paymentsCount: 0,
      refundsCount: 0,
      mismatchesCount: 0,
      failure: null,
    };
    await runs.createQueryBuilder().insert().into(StatementRunEntity).values(fresh).orIgnore().execute();
    const existing = await this.find(claim.provider, claim.date, tx);
    if (existing?.id === claim.id) return existing;
    const taken = await runs
      .createQueryBuilder()
      .update(StatementRunEntity)
      .set({ status: 'running', triggeredBy: claim.by, leaseUntil: claim.leaseUntil, startedAt: claim.now })
      .where('provider = :provider AND statement_date = :date', {
        provider: claim.provider,
        date: claim.date,
      })
      .andWhere(
        new Brackets((open) => {
          open.where('lease_until <= :now', { now: claim.now });
          if (claim.rerun) open.orWhere("status <> 'running'");
          else open.andWhere("status <> 'succeeded'");
        }),
      )
      .execute();
    if (taken.affected !== 1) return undefined;
    return (await this.find(claim.provider, claim.date, tx)) ?? undefined;
  }

  private repository(tx?: EntityManager): Repository<StatementRunEntity> {
    return tx === undefined ? this.runs : tx.getRepository(StatementRunEntity);
  }

  async finish(tx: EntityManager, run: StatementRunEntity): Promise<void> {
    await tx.getRepository(StatementRunEntity).save(run);
  }

  async markFailed(id: string, failure: string, now: Date, retryAt: Date): Promise<void> {
    await this.runs.update(
      { id },
      { status: 'failed', failure: failure.slice(0, 300), finishedAt: now, leaseUntil: retryAt },
    );
  }
}
