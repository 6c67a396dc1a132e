import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Repository } from 'typeorm';

import type { PaperSnapshot } from '../paper/paper-structure';
import { ExamEntity } from './exam.entity';
import { ExamAccommodationEntity } from './exam-accommodation.entity';
import type { ExamStatus } from './exam-settings';

/** An exam with its accommodations and its seat counter. */
@Injectable()
export class ExamRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ExamEntity) private readonly exams: Repository<ExamEntity>,
    @InjectRepository(ExamAccommodationEntity)
    private readonly accommodations: Repository<ExamAccommodationEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(examId: string, tx?: EntityManager): Promise<ExamEntity | null> {
    return (tx ? tx.getRepository(ExamEntity) : this.exams).findOne({ where: { id: examId } });
  }

  /**
   * The exam without its paper snapshot (the largest column, immutable once published): for the start path,
   * which takes the snapshot from a per-process copy (PaperSnapshotCache) instead of reading and parsing it
   * for every candidate of a hall. `paperSnapshot` is left unset.
   */
  findWithoutSnapshot(examId: string): Promise<ExamEntity | null> {
    this.columnsButSnapshot ??= this.exams.metadata.columns
      .map((column) => column.propertyName)
      .filter((name) => name !== 'paperSnapshot') as (keyof ExamEntity)[];
    return this.exams.findOne({ where: { id: examId }, select: this.columnsButSnapshot });
  }

  /** findWithoutSnapshot's select list, built once from the entity's columns. */
  private columnsButSnapshot?: (keyof ExamEntity)[];

  /** The paper snapshot frozen when the exam was published, or null. */
  async findSnapshot(examId: string): Promise<PaperSnapshot | null> {
    const exam = await this.exams.findOne({ where: { id: examId }, select: ['id', 'paperSnapshot'] });
    return exam?.paperSnapshot ?? null;
  }

  findOfInstitution(institutionId: string, examId: string): Promise<ExamEntity | null> {
    return this.exams.findOne({ where: { id: examId, institutionId } });
  }

  lockOfInstitution(tx: EntityManager, institutionId: string, examId: string): Promise<ExamEntity | null> {
    return tx
      .getRepository(ExamEntity)
      .findOne({ where: { id: examId, institutionId }, lock: { mode: 'pessimistic_write' } });
  }

  listOfInstitution(institutionId: string, status?: ExamStatus): Promise<ExamEntity[]> {
    return this.exams.find({
      where: { institutionId, ...(status ? { status } : {}) },
      order: { opensAt: 'DESC' },
      take: 500,
    });
  }

  /** Published exams whose registration has not closed (or practice exams still open). */
  open(now: Date, institutionId?: string): Promise<ExamEntity[]> {
    const query = this.exams
      .createQueryBuilder('e')
      .where('e.status = :status', { status: 'published' })
      .andWhere('e.closes_at > :now', { now })
      .andWhere('(e.practice = 1 OR e.registration_closes_at > :now)', { now });
    if (institutionId) query.andWhere('e.institution_id = :institutionId', { institutionId });
    else query.andWhere('e.visibility = :visibility', { visibility: 'public' });
    return query.orderBy('e.opens_at', 'ASC').take(200).getMany();
  }

  async save(exam: ExamEntity, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(ExamEntity) : this.exams).save(exam);
  }

  async delete(examId: string): Promise<void> {
    await this.exams.delete({ id: examId });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.exams.count({ where: { code }, take: 1 })) > 0;
  }

  /**
   * Takes one seat and the next registration number in one conditional statement: concurrent registrations
   * serialize on the exam row and none passes the capacity. Returns the sequence number, or null when the exam
   * is full. Raw SQL: a conditional counter update with LAST_INSERT_ID, which the ORM cannot say.
   */
  async takeSeat(tx: EntityManager, examId: string): Promise<number | null> {
    const result: { affectedRows: number } = await tx.query(
      `UPDATE exams SET seats_taken = seats_taken + 1, registration_seq = LAST_INSERT_ID(registration_seq + 1)
        WHERE id = ? AND status = 'published' AND (capacity IS NULL OR seats_taken < capacity)`,
      [examId],
    );
    if (result.affectedRows !== 1) return null;
    const rows: { seq: string | number }[] = await tx.query('SELECT LAST_INSERT_ID() AS seq');
    return Number(rows[0]?.seq);
  }

  /** Gives a seat back (cancelled or rejected registration). Raw SQL: a set-based counter update. */
  async releaseSeat(tx: EntityManager, examId: string): Promise<void> {
    await tx.query('UPDATE exams SET seats_taken = seats_taken - 1 WHERE id = ? AND seats_taken > 0', [
      examId,
    ]);
  }

  accommodationsOf(examId: string): Promise<ExamAccommodationEntity[]> {
    return this.accommodations.find({ where: { examId }, order: { updatedAt: 'DESC' }, take: 1000 });
  }

  findAccommodation(examId: string, userId: string): Promise<ExamAccommodationEntity | null> {
    return this.accommodations.findOne({ where: { examId, userId } });
  }

  async saveAccommodation(accommodation: ExamAccommodationEntity): Promise<void> {
    await this.accommodations.save(accommodation);
  }

  async deleteAccommodation(examId: string, userId: string): Promise<void> {
    await this.accommodations.delete({ examId, userId });
  }

  findMany(examIds: readonly string[]): Promise<ExamEntity[]> {
    if (examIds.length === 0) return Promise.resolve([]);
    return this.exams.find({ where: { id: In([...examIds]) } });
  }
}
