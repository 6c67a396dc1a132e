import { randomBytes, randomUUID } from 'node:crypto';

import { Clock, type ErrorDetail } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { BanksService } from '../bank/banks.service';
import { QuestionRepository } from '../bank/question.repository';
import type { PaperDto } from './dto/paper.dto';
import { PaperEntity } from './paper.entity';
import {
  PaperInUseError,
  PaperNotFoundError,
  PaperStructureInvalidError,
  PoolTooSmallError,
} from './paper.errors';
import { PaperRepository } from './paper.repository';
import {
  buildCandidatePaper,
  type CandidatePaper,
  drawnBeforeFrom,
  type DrawRule,
  type PaperSection,
  type PaperSnapshot,
  paperTotalScore,
  type PinnedQuestion,
} from './paper-structure';

/** Papers over one bank: fixed questions, draw rules, or both. */
@Injectable()
export class PapersService {
  constructor(
    private readonly papers: PaperRepository,
    private readonly banks: BanksService,
    private readonly questions: QuestionRepository,
    private readonly clock: Clock,
  ) {}

  async create(institutionId: string, dto: PaperDto): Promise<PaperEntity> {
    const now = this.clock.now();
    const paper = Object.assign(new PaperEntity(), { id: randomUUID(), institutionId, createdAt: now });
    return this.write(institutionId, paper, dto, now);
  }

  async update(institutionId: string, paperId: string, dto: PaperDto): Promise<PaperEntity> {
    const paper = await this.get(institutionId, paperId);
    return this.write(institutionId, paper, dto, this.clock.now());
  }

  private async write(
    institutionId: string,
    paper: PaperEntity,
    dto: PaperDto,
    now: Date,
  ): Promise<PaperEntity> {
    await this.banks.get(institutionId, dto.bankId);
    const sections: PaperSection[] = dto.sections.map((s) => ({
      title: s.title,
      instructions: s.instructions ?? '',
      items: s.items.map((i) => ({
        questionId: i.questionId,
        ...(i.score === undefined ? {} : { score: i.score }),
      })),
      draws: s.draws.map((d) => ({
        count: d.count,
        scoreEach: d.scoreEach,
        ...(d.categoryId === undefined ? {} : { categoryId: d.categoryId }),
        ...(d.tag === undefined ? {} : { tag: d.tag }),
        ...(d.type === undefined ? {} : { type: d.type }),
        ...(d.difficulty === undefined ? {} : { difficulty: d.difficulty }),
      })),
      shuffleQuestions: s.shuffleQuestions,
      shuffleOptions: s.shuffleOptions,
    }));
    const scores = await this.checkStructure(dto.bankId, dto.kind, sections);
    Object.assign(paper, {
      bankId: dto.bankId,
      title: dto.title,
      kind: dto.kind,
      sections,
      totalScore: paperTotalScore(sections, (id) => scores.get(id) ?? 0),
      updatedAt: now,
    });
    await this.papers.save(paper);
    return paper;
  }

  /** Checks kind, fixed questions and every draw rule's pool; returns the fixed questions' own scores. */
  private async checkStructure(
    bankId: string,
    kind: PaperDto['kind'],
    sections: readonly PaperSection[],
  ): Promise<Map<string, number>> {
    const errors: ErrorDetail[] = [];
    const scores = new Map<string, number>();
    const seen = new Set<string>();
    for (const [i, section] of sections.entries()) {
      if (kind === 'fixed' && section.draws.length > 0)
        errors.push({ field: `sections[${i}].draws`, reason: 'a fixed paper has no draw rules' });
      if (kind === 'draw' && section.items.length > 0)
        errors.push({ field: `sections[${i}].items`, reason: 'a draw paper has no fixed questions' });
      if (section.items.length + section.draws.length === 0)
        errors.push({ field: `sections[${i}]`, reason: 'a section needs questions or draw rules' });
      for (const [j, item] of section.items.entries()) {
        if (seen.has(item.questionId))
          errors.push({
            field: `sections[${i}].items[${j}].questionId`,
            reason: 'appears twice in the paper',
          });
        seen.add(item.questionId);
        const question = await this.questions.findInBank(bankId, item.questionId);
        if (question === null)
          errors.push({
            field: `sections[${i}].items[${j}].questionId`,
            reason: 'no such question in the paper’s bank',
          });
        else scores.set(question.id, question.score);
      }
    }
    if (errors.length > 0) throw new PaperStructureInvalidError(errors);
    const short: ErrorDetail[] = [];
    for (const [i, section] of sections.entries()) {
      const fixed = new Set(section.items.map((item) => item.questionId));
      const pools: { readonly ids: ReadonlySet<string>; readonly count: number }[] = [];
      for (const [j, rule] of section.draws.entries()) {
        const ids = new Set(
          (await this.questions.matching(bankId, filterOf(rule)))
            .map((q) => q.id)
            .filter((id) => !fixed.has(id)),
        );
        const reserved = drawnBeforeFrom(ids, pools);
        pools.push({ ids, count: rule.count });
        if (ids.size - reserved < rule.count)
          short.push({
            field: `sections[${i}].draws[${j}]`,
            reason:
              reserved === 0
                ? `needs ${rule.count} questions, the bank has ${ids.size} matching`
                : `needs ${rule.count} questions, the bank has ${ids.size} matching of which earlier rules of the section may draw ${reserved}`,
          });
      }
    }
    if (short.length > 0) throw new PoolTooSmallError(short);
    return scores;
  }

  async get(institutionId: string, paperId: string): Promise<PaperEntity> {
    const paper = await this.papers.findOfInstitution(institutionId, paperId);
    if (paper === null) throw new PaperNotFoundError();
    return paper;
  }

  list(institutionId: string): Promise<PaperEntity[]> {
    return this.papers.listOfInstitution(institutionId);
  }

  async delete(institutionId: string, paperId: string): Promise<void> {
    await this.get(institutionId, paperId);
    try {
      await this.papers.delete(paperId);
    } catch {
      // An exam still refers to the paper (foreign key).
      throw new PaperInUseError();
    }
  }

  /**
   * Freezes the paper for an exam: fixed questions and every draw pool at their current versions (checked
   * again, the bank may have changed since the paper was saved).
   */
  async snapshot(paper: PaperEntity, tx?: EntityManager): Promise<PaperSnapshot> {
    await this.checkStructure(paper.bankId, paper.kind, paper.sections);
    const sections: PaperSnapshot['sections'][number][] = [];
    for (const section of paper.sections) {
      const fixedIds = section.items.map((i) => i.questionId);
      const fixedVersions = new Map(
        (await this.questions.currentVersions(fixedIds, tx)).map((v) => [v.questionId, v]),
      );
      const fixed = section.items.flatMap((item) => {
        const v = fixedVersions.get(item.questionId);
        return v
          ? [
              {
                questionId: v.questionId,
                version: v.version,
                content: v.content,
                score: item.score ?? v.content.score,
              },
            ]
          : [];
      });
      const draws = [];
      for (const rule of section.draws) {
        const matching = await this.questions.matching(paper.bankId, filterOf(rule), tx);
        const pool: PinnedQuestion[] = (
          await this.questions.currentVersions(
            matching.map((q) => q.id),
            tx,
          )
        ).map((v) => ({
          questionId: v.questionId,
          version: v.version,
          content: v.content,
        }));
        pool.sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
        draws.push({ count: rule.count, scoreEach: rule.scoreEach, pool });
      }
      sections.push({
        title: section.title,
        instructions: section.instructions,
        shuffleQuestions: section.shuffleQuestions,
        shuffleOptions: section.shuffleOptions,
        fixed,
        draws,
      });
    }
    return { sections };
  }

  /** The paper as a candidate would see it (no answers), for a given or a fresh seed. */
  async preview(institutionId: string, paperId: string, seed: string | undefined): Promise<CandidatePaper> {
    const paper = await this.get(institutionId, paperId);
    return buildCandidatePaper(await this.snapshot(paper), seed ?? randomBytes(8).toString('hex'));
  }
}

function filterOf(rule: DrawRule) {
  return {
    ...(rule.type ? { type: rule.type } : {}),
    ...(rule.difficulty === undefined ? {} : { difficulty: rule.difficulty }),
    ...(rule.categoryId ? { categoryId: rule.categoryId } : {}),
    ...(rule.tag ? { tag: rule.tag } : {}),
  };
}
