import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ExamEnv } from '../config/exam.env';
import { BanksService } from './banks.service';
import type { ImportJsonDto } from './dto/bank.dto';
import { ImportEmptyError, ImportRowsInvalidError, ImportTooManyRowsError } from './import.errors';
import { QuestionEntity } from './question.entity';
import { QuestionRepository } from './question.repository';
import { QuestionBankRepository } from './question-bank.repository';
import { QuestionCategoryEntity } from './question-category.entity';
import { buildQuestionContent } from './question-content';
import {
  type ImportedQuestion,
  type ImportRowError,
  parseWorkbookRows,
  questionToRows,
  splitCategoryPath,
  type WorkbookColumn,
} from './question-import-format';
import { QuestionVersionEntity } from './question-version.entity';
import { readQuestionWorkbook, templateRows, writeQuestionWorkbook } from './question-workbook';

export interface ImportResult {
  readonly imported: number;
  readonly categoriesCreated: number;
}

export interface ExportedQuestion {
  readonly type: string;
  readonly difficulty: number;
  readonly categoryPath: string;
  readonly tags: readonly string[];
  readonly [field: string]: unknown;
}

/** Imports are all-or-nothing per file: every row is checked first, then everything is written in one transaction. */
@Injectable()
export class QuestionImportService {
  constructor(
    private readonly banks: BanksService,
    private readonly bankStore: QuestionBankRepository,
    private readonly questions: QuestionRepository,
    private readonly clock: Clock,
    private readonly env: ExamEnv,
  ) {}

  async importJson(institutionId: string, bankId: string, dto: ImportJsonDto): Promise<ImportResult> {
    await this.banks.get(institutionId, bankId);
    const errors: ImportRowError[] = [];
    const parsed: ImportedQuestion[] = [];
    dto.questions.forEach((q, i) => {
      const built = buildQuestionContent(q);
      if (splitCategoryPath(q.categoryPath).some((name) => name.length > 200))
        errors.push({
          row: i + 1,
          column: 'categoryPath',
          field: 'categoryPath',
          reason: 'each category name must be at most 200 characters',
        });
      if (built.content === null)
        errors.push(
          ...built.errors.map((e) => ({
            row: i + 1,
            column: e.field ?? 'question',
            field: e.field ?? 'question',
            reason: e.reason,
          })),
        );
      else
        parsed.push({
          content: built.content,
          difficulty: q.difficulty,
          categoryPath: splitCategoryPath(q.categoryPath),
          tags: (q.tags ?? []).map((t) => t.trim()).filter((t) => t.length > 0),
        });
    });
    if (errors.length > 0) throw new ImportRowsInvalidError(errors);
    return this.store(bankId, parsed);
  }

  async importXlsx(institutionId: string, bankId: string, file: Buffer): Promise<ImportResult> {
    await this.banks.get(institutionId, bankId);
    const { rows, headerErrors, tooMany } = await readQuestionWorkbook(file, this.env.IMPORT_MAX_ROWS);
    if (headerErrors.length > 0)
      throw new ImportRowsInvalidError(
        headerErrors.map((e) => ({ row: 1, column: e.column, field: e.column, reason: e.reason })),
      );
    if (tooMany) throw new ImportTooManyRowsError(this.env.IMPORT_MAX_ROWS);
    if (rows.length === 0) throw new ImportEmptyError();
    const { questions, errors } = parseWorkbookRows(rows);
    if (errors.length > 0) throw new ImportRowsInvalidError(errors);
    return this.store(bankId, questions);
  }

  private store(bankId: string, parsed: readonly ImportedQuestion[]): Promise<ImportResult> {
    return this.questions.transaction(async (tx) => {
      const { resolve, created } = await this.categoryResolver(tx, bankId, parsed);
      const now = this.clock.now();
      const entities: QuestionEntity[] = [];
      const versions: QuestionVersionEntity[] = [];
      parsed.forEach((q, i) => {
        // Distinct creation times keep the import's order in listings and exports.
        const at = new Date(now.getTime() + i);
        const id = randomUUID();
        entities.push(
          Object.assign(new QuestionEntity(), {
            id,
            bankId,
            categoryId: resolve(q.categoryPath),
            type: q.content.type,
            difficulty: q.difficulty,
            score: q.content.score,
            tags: [...new Set(q.tags)],
            currentVersion: 1,
            createdAt: at,
            updatedAt: at,
          }),
        );
        versions.push(
          Object.assign(new QuestionVersionEntity(), {
            questionId: id,
            version: 1,
            content: q.content,
            lockedAt: null,
            createdAt: at,
          }),
        );
      });
      await this.bankStore.ensureTags(
        tx,
        bankId,
        parsed.flatMap((q) => q.tags),
        randomUUID,
      );
      await this.questions.insertMany(tx, entities, versions);
      return { imported: entities.length, categoriesCreated: created };
    });
  }

  /** Finds categories by path, creating the missing ones (inside the import's transaction). */
  private async categoryResolver(
    tx: EntityManager,
    bankId: string,
    parsed: readonly ImportedQuestion[],
  ): Promise<{ resolve: (path: readonly string[]) => string | null; created: number }> {
    const existing = await this.bankStore.categoriesOf(bankId, tx);
    const key = (parent: string | null, name: string): string => `${parent ?? ''}/${name}`;
    const index = new Map(existing.map((c) => [key(c.parentId, c.name), c.id]));
    const fresh: QuestionCategoryEntity[] = [];
    const now = this.clock.now();
    const resolve = (path: readonly string[]): string | null => {
      let parent: string | null = null;
      for (const name of path) {
        let id = index.get(key(parent, name));
        if (id === undefined) {
          id = randomUUID();
          index.set(key(parent, name), id);
          fresh.push(
            Object.assign(new QuestionCategoryEntity(), {
              id,
              bankId,
              parentId: parent,
              name: name.slice(0, 200),
              createdAt: now,
            }),
          );
        }
        parent = id;
      }
      return parent;
    };
    for (const q of parsed) resolve(q.categoryPath);
    await this.bankStore.insertCategories(tx, fresh);
    return { resolve, created: fresh.length };
  }

  private async exportable(
    institutionId: string,
    bankId: string,
  ): Promise<
    {
      content: QuestionVersionEntity['content'];
      meta: { difficulty: number; categoryPath: string; tags: string[] };
    }[]
  > {
    await this.banks.get(institutionId, bankId);
    const [questions, categories] = await Promise.all([
      this.questions.matching(bankId, {}),
      this.bankStore.categoriesOf(bankId),
    ]);
    const byId = new Map(categories.map((c) => [c.id, c]));
    const pathOf = (id: string | null): string => {
      const names: string[] = [];
      for (let at = id; at !== null; at = byId.get(at)?.parentId ?? null) {
        const category = byId.get(at);
        if (!category || names.length > 50) break;
        names.unshift(category.name);
      }
      return names.join('/');
    };
    const versions = new Map(
      (await this.questions.currentVersions(questions.map((q) => q.id))).map((v) => [v.questionId, v]),
    );
    return questions.flatMap((q) => {
      const version = versions.get(q.id);
      return version
        ? [
            {
              content: version.content,
              meta: { difficulty: q.difficulty, categoryPath: pathOf(q.categoryId), tags: q.tags },
            },
          ]
        : [];
    });
  }

  async exportJson(
    institutionId: string,
    bankId: string,
  ): Promise<{ format: 'exam-bank/v1'; questions: ExportedQuestion[] }> {
    const items = await this.exportable(institutionId, bankId);
    return {
      format: 'exam-bank/v1',
      questions: items.map(({ content, meta }) => {
        const { options, subQuestions, ...rest } = content;
        return {
          ...rest,
          ...(options ? { options: options.map((o) => ({ text: o.text, correct: o.correct })) } : {}),
          ...(subQuestions
            ? {
                subQuestions: subQuestions.map((s) => ({
                  ...s,
                  ...(s.options
                    ? { options: s.options.map((o) => ({ text: o.text, correct: o.correct })) }
                    : {}),
                })),
              }
            : {}),
          difficulty: meta.difficulty,
          categoryPath: meta.categoryPath,
          tags: meta.tags,
        };
      }),
    };
  }

  async exportXlsx(institutionId: string, bankId: string): Promise<Buffer> {
    const items = await this.exportable(institutionId, bankId);
    const rows: Partial<Record<WorkbookColumn, string>>[] = items.flatMap(({ content, meta }, i) =>
      questionToRows(content, meta, `G${i + 1}`),
    );
    return writeQuestionWorkbook(rows);
  }

  template(): Promise<Buffer> {
    return writeQuestionWorkbook(templateRows());
  }
}
