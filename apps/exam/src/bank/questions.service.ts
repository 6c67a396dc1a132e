import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import {
  CategoryNotFoundError,
  QuestionInUseError,
  QuestionInvalidError,
  QuestionNotFoundError,
  QuestionVersionNotFoundError,
} from './bank.errors';
import { BanksService } from './banks.service';
import type { ListQuestionsQueryDto, QuestionDto } from './dto/bank.dto';
import { QuestionEntity } from './question.entity';
import { QuestionRepository } from './question.repository';
import { QuestionBankRepository } from './question-bank.repository';
import { buildQuestionContent, type QuestionContent } from './question-content';
import { QuestionVersionEntity } from './question-version.entity';

export interface QuestionWithVersion {
  readonly question: QuestionEntity;
  readonly version: QuestionVersionEntity;
}

function normaliseTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter((t) => t.length > 0))];
}

/** Questions of a bank and their versions: a version an exam was published with is never rewritten. */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly banks: BanksService,
    private readonly bankStore: QuestionBankRepository,
    private readonly questions: QuestionRepository,
    private readonly clock: Clock,
  ) {}

  private content(dto: QuestionDto): QuestionContent {
    const result = buildQuestionContent(dto);
    if (result.content === null) throw new QuestionInvalidError(result.errors);
    return result.content;
  }

  private async checkCategory(bankId: string, categoryId: string | undefined): Promise<void> {
    if (categoryId !== undefined && (await this.bankStore.findCategory(bankId, categoryId)) === null)
      throw new CategoryNotFoundError();
  }

  async create(institutionId: string, bankId: string, dto: QuestionDto): Promise<QuestionWithVersion> {
    await this.banks.get(institutionId, bankId);
    const content = this.content(dto);
    await this.checkCategory(bankId, dto.categoryId);
    const now = this.clock.now();
    const tags = normaliseTags(dto.tags);
    const question = Object.assign(new QuestionEntity(), {
      id: randomUUID(),
      bankId,
      categoryId: dto.categoryId ?? null,
      type: content.type,
      difficulty: dto.difficulty,
      score: content.score,
      tags,
      currentVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    const version = Object.assign(new QuestionVersionEntity(), {
      questionId: question.id,
      version: 1,
      content,
      lockedAt: null,
      createdAt: now,
    });
    await this.questions.transaction(async (tx) => {
      await this.bankStore.ensureTags(tx, bankId, tags, randomUUID);
      await this.questions.insertQuestion(tx, question, version);
    });
    return { question, version };
  }

  async get(institutionId: string, bankId: string, questionId: string): Promise<QuestionWithVersion> {
    await this.banks.get(institutionId, bankId);
    const question = await this.questions.findInBank(bankId, questionId);
    if (question === null) throw new QuestionNotFoundError();
    const version = await this.questions.findVersion(questionId, question.currentVersion);
    if (version === null) throw new QuestionNotFoundError();
    return { question, version };
  }

  async list(
    institutionId: string,
    bankId: string,
    query: ListQuestionsQueryDto,
  ): Promise<{ items: QuestionWithVersion[]; total: number }> {
    await this.banks.get(institutionId, bankId);
    const { rows, total } = await this.questions.page(bankId, query, query.limit ?? 50, query.offset ?? 0);
    const versions = await this.questions.currentVersions(rows.map((q) => q.id));
    const byId = new Map(versions.map((v) => [v.questionId, v]));
    const items = rows.flatMap((question) => {
      const version = byId.get(question.id);
      return version ? [{ question, version }] : [];
    });
    return { items, total };
  }

  /**
   * Edits a question. While no published exam uses its current version, that version is rewritten; once one
   * does, a new version is made and becomes current, and the exam keeps pointing at the version it froze.
   */
  async update(
    institutionId: string,
    bankId: string,
    questionId: string,
    dto: QuestionDto,
  ): Promise<QuestionWithVersion> {
    await this.banks.get(institutionId, bankId);
    const content = this.content(dto);
    await this.checkCategory(bankId, dto.categoryId);
    const tags = normaliseTags(dto.tags);
    return this.questions.transaction(async (tx) => {
      const question = await this.questions.lockInBank(tx, bankId, questionId);
      if (question === null) throw new QuestionNotFoundError();
      const now = this.clock.now();
      let version = Object.assign(new QuestionVersionEntity(), {
        questionId,
        version: question.currentVersion,
        content,
        lockedAt: null,
        createdAt: now,
      });
      if (!(await this.questions.updateUnlockedContent(tx, version))) {
        version = Object.assign(version, { version: question.currentVersion + 1 });
        await this.questions.insertVersion(tx, version);
      } else {
        const stored = await this.questions.findVersion(questionId, version.version, tx);
        if (stored) version.createdAt = stored.createdAt;
      }
      Object.assign(question, {
        categoryId: dto.categoryId ?? null,
        type: content.type,
        difficulty: dto.difficulty,
        score: content.score,
        tags,
        currentVersion: version.version,
        updatedAt: now,
      });
      await this.bankStore.ensureTags(tx, bankId, tags, randomUUID);
      await this.questions.saveQuestion(tx, question);
      return { question, version };
    });
  }

  async delete(institutionId: string, bankId: string, questionId: string): Promise<void> {
    await this.get(institutionId, bankId, questionId);
    if (await this.questions.isUsedByPublishedExam(questionId)) throw new QuestionInUseError();
    await this.questions.delete(questionId);
  }

  async versions(
    institutionId: string,
    bankId: string,
    questionId: string,
  ): Promise<QuestionVersionEntity[]> {
    await this.get(institutionId, bankId, questionId);
    return this.questions.versionsOf(questionId);
  }

  async version(
    institutionId: string,
    bankId: string,
    questionId: string,
    n: number,
  ): Promise<QuestionVersionEntity> {
    await this.get(institutionId, bankId, questionId);
    const version = await this.questions.findVersion(questionId, n);
    if (version === null) throw new QuestionVersionNotFoundError();
    return version;
  }
}
