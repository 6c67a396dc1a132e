import { PersonalDataRevealEntity } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PrivacyRequestEntity, type PrivacyRequestKind } from './privacy-request.entity';
import type { PrivacyRequestStatus } from './privacy-request-status';

export interface PrivacyRequestQueueFilter {
  readonly kind?: PrivacyRequestKind;
  readonly status?: PrivacyRequestStatus;
  /** Only open requests past their deadline. */
  readonly overdue?: boolean;
  readonly userId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Persistence of data subjects' requests, and the reads of who saw their data in full. */
@Injectable()
export class PrivacyRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The staff queue: open and overdue first, then open by deadline, then completed newest first (query builder:
   * dynamic filters; no join, so LIMIT/OFFSET apply to rows).
   */
  async queue(
    filter: PrivacyRequestQueueFilter,
    now: Date,
  ): Promise<{ items: PrivacyRequestEntity[]; total: number }> {
    const query = this.dataSource.getRepository(PrivacyRequestEntity).createQueryBuilder('r');
    if (filter.kind !== undefined) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.userId !== undefined) query.andWhere('r.userId = :userId', { userId: filter.userId });
    if (filter.status === 'open') query.andWhere('r.completedAt IS NULL');
    if (filter.status === 'completed') query.andWhere('r.completedAt IS NOT NULL');
    if (filter.overdue === true) query.andWhere('r.completedAt IS NULL AND r.deadlineAt < :now', { now });
    if (filter.overdue === false)
      query.andWhere('NOT (r.completedAt IS NULL AND r.deadlineAt < :now)', { now });
    const [items, total] = await query
      .orderBy(
        'CASE WHEN r.completedAt IS NULL AND r.deadlineAt < :now THEN 0 WHEN r.completedAt IS NULL THEN 1 ELSE 2 END',
        'ASC',
      )
      .addOrderBy('CASE WHEN r.completedAt IS NULL THEN r.deadlineAt END', 'ASC')
      .addOrderBy('r.requestedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .setParameter('now', now)
      .offset(filter.offset)
      .limit(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  async insert(tx: EntityManager, request: PrivacyRequestEntity): Promise<void> {
    await tx.insert(PrivacyRequestEntity, request);
  }

  async listOfUser(tx: EntityManager, userId: string, take: number): Promise<PrivacyRequestEntity[]> {
    return tx.find(PrivacyRequestEntity, { where: { userId }, order: { requestedAt: 'DESC' }, take });
  }

  /** Reveals of the user's data (the platform's reveal log kept in this service's database), newest first. */
  async revealsOf(tx: EntityManager, userId: string, take: number): Promise<PersonalDataRevealEntity[]> {
    return tx.find(PersonalDataRevealEntity, {
      where: { subjectId: userId },
      order: { revealedAt: 'DESC' },
      take,
    });
  }
}
