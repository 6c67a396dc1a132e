import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Repository } from 'typeorm';

import type { MarkingItemStatus } from './domain/mark-rules';
import { MarkingItemEntity } from './marking-item.entity';
import { MarkingMarkEntity } from './marking-mark.entity';
import { MarkingScriptEntity } from './marking-script.entity';

/** Per question of an exam: how many answers wait for a mark, are done, or wait for reconciliation. */
export interface QuestionProgress {
  readonly questionId: string;
  readonly toMark: number;
  readonly inReconciliation: number;
  readonly marked: number;
}

interface ProgressRow {
  question_id: string;
  to_mark: string | number;
  in_reconciliation: string | number;
  marked: string | number;
}

/** The marking of an exam: its anonymous scripts, their items (one per question to mark) and their marks. */
@Injectable()
export class MarkingRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MarkingScriptEntity) private readonly scripts: Repository<MarkingScriptEntity>,
    @InjectRepository(MarkingItemEntity) private readonly items: Repository<MarkingItemEntity>,
    @InjectRepository(MarkingMarkEntity) private readonly marks: Repository<MarkingMarkEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  scriptOfAttempt(tx: EntityManager, attemptId: string): Promise<MarkingScriptEntity | null> {
    return tx.getRepository(MarkingScriptEntity).findOne({ where: { attemptId } });
  }

  async insertScript(
    tx: EntityManager,
    script: MarkingScriptEntity,
    items: MarkingItemEntity[],
  ): Promise<void> {
    await tx.getRepository(MarkingScriptEntity).insert(script);
    if (items.length > 0) await tx.getRepository(MarkingItemEntity).insert(items);
  }

  /** Counts by question and status. Raw SQL: a grouped count with conditional sums. */
  async progress(examId: string): Promise<QuestionProgress[]> {
    const rows: ProgressRow[] = await this.dataSource.query(
      `SELECT question_id,
              SUM(status = 'marking') AS to_mark,
              SUM(status = 'reconciliation') AS in_reconciliation,
              SUM(status = 'done') AS marked
         FROM marking_items WHERE exam_id = ? GROUP BY question_id ORDER BY question_id`,
      [examId],
    );
    return rows.map((r) => ({
      questionId: r.question_id,
      toMark: Number(r.to_mark),
      inReconciliation: Number(r.in_reconciliation),
      marked: Number(r.marked),
    }));
  }

  async hasQuestion(examId: string, questionId: string): Promise<boolean> {
    return (await this.items.count({ where: { examId, questionId }, take: 1 })) > 0;
  }

  /**
   * Items of a question this marker may take: open, not marked by them, unclaimed or claimed by them or with an
   * expired claim; their own claims first, then in the marker's random order (markerOrderKey). Raw SQL: the
   * per-marker hash order and the anti-join on the marks.
   */
  async candidates(
    examId: string,
    questionId: string,
    markerId: string,
    now: Date,
    limit: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT i.id FROM marking_items i
        WHERE i.exam_id = ? AND i.question_id = ? AND i.status IN ('marking', 'reconciliation')
          AND (i.claimed_by IS NULL OR i.claimed_by = ? OR i.claim_expires_at < ?)
          AND NOT EXISTS (SELECT 1 FROM marking_marks m WHERE m.item_id = i.id AND m.marker_id = ?)
        ORDER BY (i.claimed_by <=> ?) DESC, SHA2(CONCAT(?, ':', i.id), 256)
        LIMIT ?`,
      [examId, questionId, markerId, now, markerId, markerId, markerId, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Claims one item for a marker until `until`, only if nobody else holds it: concurrent fetches race on the
   * row and exactly one wins. Raw SQL: a conditional update whose affected rows say who won.
   */
  async claim(itemId: string, markerId: string, now: Date, until: Date): Promise<boolean> {
    const result: { affectedRows?: number } = await this.dataSource.query(
      `UPDATE marking_items SET claimed_by = ?, claim_expires_at = ?
        WHERE id = ? AND status IN ('marking', 'reconciliation')
          AND (claimed_by IS NULL OR claimed_by = ? OR claim_expires_at < ?)`,
      [markerId, until, itemId, markerId, now],
    );
    return (result.affectedRows ?? 0) === 1;
  }

  itemsByIds(ids: readonly string[]): Promise<MarkingItemEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.items.find({ where: { id: In([...ids]) } });
  }

  marksOfItems(itemIds: readonly string[]): Promise<MarkingMarkEntity[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.marks.find({ where: { itemId: In([...itemIds]) }, order: { round: 'ASC' } });
  }

  lockItem(
    tx: EntityManager,
    examId: string,
    questionId: string,
    scriptId: string,
  ): Promise<MarkingItemEntity | null> {
    return tx
      .getRepository(MarkingItemEntity)
      .findOne({ where: { examId, questionId, scriptId }, lock: { mode: 'pessimistic_write' } });
  }

  marksOf(tx: EntityManager, itemId: string): Promise<MarkingMarkEntity[]> {
    return tx.getRepository(MarkingMarkEntity).find({ where: { itemId }, order: { round: 'ASC' } });
  }

  async insertMark(tx: EntityManager, mark: MarkingMarkEntity): Promise<void> {
    await tx.getRepository(MarkingMarkEntity).insert(mark);
  }

  /** Writes the state of an item locked in `tx`, and releases its claim. */
  async settle(
    tx: EntityManager,
    item: MarkingItemEntity,
    status: MarkingItemStatus,
    finalMark: number | null,
    now: Date,
  ): Promise<void> {
    await tx
      .getRepository(MarkingItemEntity)
      .update({ id: item.id }, { status, finalMark, claimedBy: null, claimExpiresAt: null, updatedAt: now });
  }

  /** Items of an attempt finally marked, by question (the regrade keeps their marks). */
  doneOfAttempt(tx: EntityManager, attemptId: string): Promise<MarkingItemEntity[]> {
    return tx.getRepository(MarkingItemEntity).find({ where: { attemptId, status: 'done' } });
  }
}
