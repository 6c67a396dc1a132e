import type { AppealDecision } from '@exam/contracts';
import { Clock,EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { checkResidentIdNumber, InvalidIdNumberError } from '../id-number';
import type { FileAppealDto } from './dto/appeal.dto';
import { IdNumberIndex } from './id-number-index';
import {
  AppealAlreadyDecidedError,
  AppealAlreadyOpenError,
  AppealNotApplicableError,
  AppealNotFoundError,
  RealNameNotFoundError,
} from './real-name.errors';
import { type AppealStatus, RealNameAppealEntity } from './real-name-appeal.entity';
import { RealNameRecordEntity } from './real-name-record.entity';

const ADMIN_PAGE = 100;

/**
 * Appeals against real-name decisions: a correction of verified data (which users cannot edit themselves) or an
 * ID number held by another account. A platform admin decides each with a reason; the decision is an event.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly index: IdNumberIndex,
    private readonly clock: Clock,
  ) {}

  async file(userId: string, input: FileAppealDto): Promise<RealNameAppealEntity> {
    const appeals = this.dataSource.getRepository(RealNameAppealEntity);
    if (await appeals.existsBy({ userId, kind: input.kind, status: 'open' }))
      throw new AppealAlreadyOpenError();
    const records = this.dataSource.getRepository(RealNameRecordEntity);
    const appeal = Object.assign(new RealNameAppealEntity(), {
      userId,
      kind: input.kind,
      reason: input.reason.trim(),
    });
    if (input.kind === 'change_request') {
      if (!(await records.existsBy({ userId }))) throw new RealNameNotFoundError();
    } else {
      const checked = checkResidentIdNumber(input.idNumber ?? '', this.clock.now());
      if (!checked.valid) throw new InvalidIdNumberError('idNumber', checked.violation);
      const holder = await records.findOne({
        where: { idNumberBidx: this.index.of(checked.idNumber.value) },
        select: { userId: true },
      });
      if (holder === null || holder.userId === userId) {
        throw new AppealNotApplicableError(
          'This ID number is not verified on another account; verify it directly instead.',
        );
      }
      appeal.idNumber = checked.idNumber.value;
    }
    return appeals.save(appeal);
  }

  async list(status: AppealStatus | undefined): Promise<RealNameAppealEntity[]> {
    return this.dataSource.getRepository(RealNameAppealEntity).find({
      where: status === undefined ? {} : { status },
      order: { createdAt: 'ASC' },
      take: ADMIN_PAGE,
    });
  }

  async decide(
    appealId: string,
    reviewerId: string,
    decision: AppealDecision,
    reason: string,
  ): Promise<RealNameAppealEntity> {
    return this.dataSource.transaction(async (manager) => {
      const appeal = await manager.findOne(RealNameAppealEntity, {
        where: { id: appealId },
        lock: { mode: 'pessimistic_write' },
      });
      if (appeal === null) throw new AppealNotFoundError();
      if (appeal.status !== 'open') throw new AppealAlreadyDecidedError();
      const revokedUserId = decision === 'approved' ? await this.revoke(manager, appeal) : undefined;
      appeal.status = decision;
      appeal.reviewedBy = reviewerId;
      appeal.reviewReason = reason.trim();
      appeal.reviewedAt = this.clock.now();
      await manager.save(appeal);
      await this.events.stage(manager, 'identity.real_name_appeal.reviewed', {
        subjectId: appeal.userId,
        payload: {
          appealId: appeal.id,
          userId: appeal.userId,
          kind: appeal.kind,
          decision,
          reviewerId,
          reason: appeal.reviewReason,
          ...(revokedUserId === undefined ? {} : { revokedUserId }),
        },
      });
      return appeal;
    });
  }

  /**
   * Approval withdraws a verification so the right person can verify: the appellant's own (to correct it), or
   * the account holding the disputed number. Attempts stay on record; only the verified data goes.
   */
  private async revoke(manager: EntityManager, appeal: RealNameAppealEntity): Promise<string | undefined> {
    let where: { userId: string } | { idNumberBidx: string };
    if (appeal.kind === 'change_request') where = { userId: appeal.userId };
    else if (appeal.idNumber === null) return undefined;
    // The appeal's own index lives in its own domain; the holder is found by the records' index of the number.
    else where = { idNumberBidx: this.index.of(appeal.idNumber) };
    const record = await manager.findOne(RealNameRecordEntity, { where, select: { id: true, userId: true } });
    if (record === null) return undefined;
    await manager.delete(RealNameRecordEntity, { id: record.id });
    return record.userId;
  }
}
