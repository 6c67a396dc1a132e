import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, Repository } from 'typeorm';

import { RegistrationEntity, type RegistrationStatus } from './registration.entity';

export interface RegistrationFilter {
  readonly status?: RegistrationStatus;
  readonly registrationNumber?: string;
}

@Injectable()
export class RegistrationRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(tx: EntityManager, registration: RegistrationEntity): Promise<void> {
    // save(), not insert(): the field-encryption subscriber encrypts on the entity it is handed.
    await tx.getRepository(RegistrationEntity).save(registration);
  }

  async save(tx: EntityManager, registration: RegistrationEntity): Promise<void> {
    await tx.getRepository(RegistrationEntity).save(registration);
  }

  findOfUser(userId: string, registrationId: string): Promise<RegistrationEntity | null> {
    return this.registrations.findOne({ where: { id: registrationId, userId } });
  }

  lockOfUser(tx: EntityManager, userId: string, registrationId: string): Promise<RegistrationEntity | null> {
    return tx
      .getRepository(RegistrationEntity)
      .findOne({ where: { id: registrationId, userId }, lock: { mode: 'pessimistic_write' } });
  }

  lockById(tx: EntityManager, registrationId: string): Promise<RegistrationEntity | null> {
    return tx
      .getRepository(RegistrationEntity)
      .findOne({ where: { id: registrationId }, lock: { mode: 'pessimistic_write' } });
  }

  lockOfExam(tx: EntityManager, examId: string, registrationId: string): Promise<RegistrationEntity | null> {
    return tx
      .getRepository(RegistrationEntity)
      .findOne({ where: { id: registrationId, examId }, lock: { mode: 'pessimistic_write' } });
  }

  findOfExam(examId: string, registrationId: string, tx?: EntityManager): Promise<RegistrationEntity | null> {
    return (tx ? tx.getRepository(RegistrationEntity) : this.registrations).findOne({
      where: { id: registrationId, examId },
    });
  }

  /** The candidate's active registration for an exam (the unique key allows one), or null. */
  findActiveOf(examId: string, userId: string): Promise<RegistrationEntity | null> {
    return this.registrations.findOne({ where: { examId, userId, active: 1 } });
  }

  listOfUser(userId: string): Promise<RegistrationEntity[]> {
    return this.registrations.find({ where: { userId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async pageOfExam(
    examId: string,
    filter: RegistrationFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: RegistrationEntity[]; total: number }> {
    const query = this.registrations.createQueryBuilder('r').where('r.exam_id = :examId', { examId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.registrationNumber)
      query.andWhere('r.registration_number = :number', { number: filter.registrationNumber });
    const [rows, total] = await query
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { rows, total };
  }

  /** The confirmed candidates of an exam (ids and numbers only, no form data), for the proctoring board. */
  confirmedOfExam(
    examId: string,
  ): Promise<Pick<RegistrationEntity, 'userId' | 'registrationNumber' | 'ticketNumber'>[]> {
    return this.registrations.find({
      select: ['userId', 'registrationNumber', 'ticketNumber'],
      where: { examId, status: 'confirmed' },
      order: { registrationNumber: 'ASC' },
    });
  }

  /** Every registration of a user, locked, for erasure. */
  lockAllOfUser(tx: EntityManager, userId: string): Promise<RegistrationEntity[]> {
    return tx
      .getRepository(RegistrationEntity)
      .find({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Through the entity, so the subscriber encrypts the emptied answers like any other value. */
  async erasePersonalData(tx: EntityManager, registration: RegistrationEntity, at: Date): Promise<void> {
    Object.assign(registration, {
      formData: '{}',
      maskedName: null,
      maskedIdNumber: null,
      personalDataErasedAt: at,
      updatedAt: at,
    });
    await tx.getRepository(RegistrationEntity).save(registration);
  }

  /**
   * Registrations past retention whose personal data is still there, locked and skipped when another replica
   * holds them: ended ones (cancelled or rejected before `endedBefore`) and those of exams closed before
   * `examClosedBefore`. The query builder says the join and the SKIP LOCKED.
   */
  pastRetention(
    tx: EntityManager,
    endedBefore: Date,
    examClosedBefore: Date,
    limit: number,
  ): Promise<RegistrationEntity[]> {
    return tx
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .innerJoin('exams', 'e', 'e.id = r.exam_id')
      .where('r.personal_data_erased_at IS NULL')
      .andWhere('((r.active IS NULL AND r.cancelled_at < :endedBefore) OR e.closes_at < :examClosedBefore)', {
        endedBefore,
        examClosedBefore,
      })
      .orderBy('r.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
