import type { AppealDecision } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { FaceEnrolmentService } from '../face/face-enrolment.service';
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
import { RealNameAppealRepository } from './real-name-appeal.repository';
import { RealNameRecordRepository } from './real-name-record.repository';

const ADMIN_PAGE = 100;

/**
 * Appeals against real-name decisions: a correction of verified data (which users cannot edit themselves) or an
 * ID number held by another account. A platform admin decides each with a reason; the decision is an event.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appeals: RealNameAppealRepository,
    private readonly records: RealNameRecordRepository,
    private readonly events: EventPublisher,
    private readonly index: IdNumberIndex,
    private readonly faces: FaceEnrolmentService,
    private readonly clock: Clock,
  ) {}

  async file(userId: string, input: FileAppealDto): Promise<RealNameAppealEntity> {
    if (await this.appeals.hasOpen(userId, input.kind)) throw new AppealAlreadyOpenError();
    const appeal = Object.assign(new RealNameAppealEntity(), {
      userId,
      kind: input.kind,
      reason: input.reason.trim(),
    });
    if (input.kind === 'change_request') {
      if (!(await this.records.existsForUser(userId))) throw new RealNameNotFoundError();
    } else {
      const checked = checkResidentIdNumber(input.idNumber ?? '', this.clock.now());
      if (!checked.valid) throw new InvalidIdNumberError('idNumber', checked.violation);
      const holder = await this.records.holderOf(this.index.of(checked.idNumber.value));
      if (holder === null || holder.userId === userId) {
        throw new AppealNotApplicableError(
          'This ID number is not verified on another account; verify it directly instead.',
        );
      }
      appeal.idNumber = checked.idNumber.value;
    }
    return this.appeals.save(appeal);
  }

  async list(status: AppealStatus | undefined): Promise<RealNameAppealEntity[]> {
    return this.appeals.findPage(status, ADMIN_PAGE);
  }

  async get(appealId: string): Promise<RealNameAppealEntity> {
    const appeal = await this.appeals.findById(appealId);
    if (appeal === null) throw new AppealNotFoundError();
    return appeal;
  }

  async decide(
    appealId: string,
    reviewerId: string,
    decision: AppealDecision,
    reason: string,
  ): Promise<RealNameAppealEntity> {
    return this.dataSource.transaction(async (tx) => {
      const appeal = await this.appeals.lockForUpdate(tx, appealId);
      if (appeal === null) throw new AppealNotFoundError();
      if (appeal.status !== 'open') throw new AppealAlreadyDecidedError();
      const revokedUserId = decision === 'approved' ? await this.revoke(tx, appeal) : undefined;
      appeal.status = decision;
      appeal.reviewedBy = reviewerId;
      appeal.reviewReason = reason.trim();
      appeal.reviewedAt = this.clock.now();
      await this.appeals.save(appeal, tx);
      await this.events.stage(tx, 'identity.real_name_appeal.reviewed', {
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
  private async revoke(tx: EntityManager, appeal: RealNameAppealEntity): Promise<string | undefined> {
    let record: { id: string; userId: string } | null;
    if (appeal.kind === 'change_request') record = await this.records.findByUser(appeal.userId, tx);
    else if (appeal.idNumber === null) return undefined;
    // The appeal's own index lives in its own domain; the holder is found by the records' index of the number.
    else record = await this.records.holderOf(this.index.of(appeal.idNumber), tx);
    if (record === null) return undefined;
    await this.records.deleteById(tx, record.id);
    await this.faces.forgetVerifiedFace(tx, record.userId);
    return record.userId;
  }
}
