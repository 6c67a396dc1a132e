import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';

import { QuestionEntity } from './question.entity';
import type { QuestionContent, QuestionType } from './question-content';
import { QuestionVersionEntity } from './question-version.entity';

export interface QuestionFilter {
  readonly type?: QuestionType;
  readonly difficulty?: number;
  readonly categoryId?: string;
  readonly tag?: string;
}

const INSERT_CHUNK = 500;

/** A question with its versions. */
@Injectable()
export class QuestionRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>,
    @InjectRepository(QuestionVersionEntity) private readonly versions: Repository<QuestionVersionEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findInBank(bankId: string, questionId: string): Promise<QuestionEntity | null> {
    return this.questions.findOne({ where: { id: questionId, bankId } });
  }

  /** Locks the question row so two editors cannot both create version n+1. */
  lockInBank(tx: EntityManager, bankId: string, questionId: string): Promise<QuestionEntity | null> {
    return tx
      .getRepository(QuestionEntity)
      .findOne({ where: { id: questionId, bankId }, lock: { mode: 'pessimistic_write' } });
  }

  findVersion(
    questionId: string,
    version: number,
    tx?: EntityManager,
  ): Promise<QuestionVersionEntity | null> {
    return (tx ? tx.getRepository(QuestionVersionEntity) : this.versions).findOne({
      where: { questionId, version },
    });
  }

  versionsOf(questionId: string): Promise<QuestionVersionEntity[]> {
    return this.versions.find({ where: { questionId }, order: { version: 'DESC' }, take: 200 });
  }

  async isUsedByPublishedExam(questionId: string): Promise<boolean> {
    return (await this.versions.count({ where: { questionId, lockedAt: Not(IsNull()) }, take: 1 })) > 0;
  }

  async page(
    bankId: string,
    filter: QuestionFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: QuestionEntity[]; total: number }> {
    const query = this.filtered(bankId, filter)
      .orderBy('q.created_at', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .take(limit)
      .skip(offset);
    const [rows, total] = await query.getManyAndCount();
    return { rows, total };
  }

  /** Every question of a bank matching a filter (draw pools, export), oldest first. */
  matching(bankId: string, filter: QuestionFilter, tx?: EntityManager): Promise<QuestionEntity[]> {
    return this.filtered(bankId, filter, tx)
      .orderBy('q.created_at', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .getMany();
  }

  countMatching(bankId: string, filter: QuestionFilter): Promise<number> {
    return this.filtered(bankId, filter).getCount();
  }

  private filtered(bankId: string, filter: QuestionFilter, tx?: EntityManager) {
    const query = (tx ? tx.getRepository(QuestionEntity) : this.questions)
      .createQueryBuilder('q')
      .where('q.bank_id = :bankId', { bankId });
    if (filter.type) query.andWhere('q.type = :type', { type: filter.type });
    if (filter.difficulty !== undefined)
      query.andWhere('q.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.categoryId) query.andWhere('q.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.tag) query.andWhere('JSON_CONTAINS(q.tags, JSON_QUOTE(:tag))', { tag: filter.tag });
    return query;
  }

  currentVersions(questionIds: readonly string[], tx?: EntityManager): Promise<QuestionVersionEntity[]> {
    if (questionIds.length === 0) return Promise.resolve([]);
    return (tx ? tx.getRepository(QuestionEntity) : this.questions)
      .createQueryBuilder('q')
      .innerJoin(QuestionVersionEntity, 'v', 'v.question_id = q.id AND v.version = q.current_version')
      .where({ id: In([...questionIds]) })
      .select([
        'v.question_id AS questionId',
        'v.version AS version',
        'v.content AS content',
        'v.locked_at AS lockedAt',
        'v.created_at AS createdAt',
      ])
      .getRawMany<{
        questionId: string;
        version: number | string;
        content: string | QuestionContent;
        lockedAt: Date | null;
        createdAt: Date;
      }>()
      .then((rows) =>
        rows.map((row) =>
          Object.assign(new QuestionVersionEntity(), {
            questionId: row.questionId,
            version: Number(row.version),
            content:
              typeof row.content === 'string' ? (JSON.parse(row.content) as QuestionContent) : row.content,
            lockedAt: row.lockedAt,
            createdAt: row.createdAt,
          }),
        ),
      );
  }

  async insertQuestion(
    tx: EntityManager,
    question: QuestionEntity,
    version: QuestionVersionEntity,
  ): Promise<void> {
    await tx.getRepository(QuestionEntity).insert(question);
    await tx.getRepository(QuestionVersionEntity).insert(version);
  }

  /** Bulk insert for imports: multi-row statements in chunks, in the caller's transaction. */
  async insertMany(
    tx: EntityManager,
    questions: readonly QuestionEntity[],
    versions: readonly QuestionVersionEntity[],
  ): Promise<void> {
    for (let i = 0; i < questions.length; i += INSERT_CHUNK)
      await tx.getRepository(QuestionEntity).insert(questions.slice(i, i + INSERT_CHUNK));
    for (let i = 0; i < versions.length; i += INSERT_CHUNK)
      await tx.getRepository(QuestionVersionEntity).insert(versions.slice(i, i + INSERT_CHUNK));
  }

  async saveQuestion(tx: EntityManager, question: QuestionEntity): Promise<void> {
    await tx.getRepository(QuestionEntity).save(question);
  }

  async insertVersion(tx: EntityManager, version: QuestionVersionEntity): Promise<void> {
    await tx.getRepository(QuestionVersionEntity).insert(version);
  }

  /** Rewrites an unlocked version in place; false when a publish locked it meanwhile. */
  async updateUnlockedContent(tx: EntityManager, version: QuestionVersionEntity): Promise<boolean> {
    const result = await tx
      .getRepository(QuestionVersionEntity)
      .update(
        { questionId: version.questionId, version: version.version, lockedAt: IsNull() },
        { content: version.content },
      );
    return (result.affected ?? 0) > 0;
  }

  async delete(questionId: string): Promise<void> {
    await this.questions.delete({ id: questionId });
  }

  /** Freezes the versions a published exam uses; set-based bulk update. */
  async lockVersions(
    tx: EntityManager,
    pins: readonly { questionId: string; version: number }[],
    at: Date,
  ): Promise<void> {
    for (let i = 0; i < pins.length; i += INSERT_CHUNK) {
      const chunk = pins.slice(i, i + INSERT_CHUNK);
      // Bulk update of many (question, version) pairs in one statement.
      await tx.query(
        `UPDATE question_versions SET locked_at = COALESCE(locked_at, ?) WHERE (question_id, version) IN (${chunk.map(() => '(?, ?)').join(', ')})`,
        [at, ...chunk.flatMap((p) => [p.questionId, p.version])],
      );
    }
  }
}
