import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { isDuplicateKeyError } from '../database/duplicate-key';
import {
  BankNotEmptyError,
  BankNotFoundError,
  CategoryCycleError,
  CategoryExistsError,
  CategoryNotEmptyError,
  CategoryNotFoundError,
  TagExistsError,
  TagNotFoundError,
} from './bank.errors';
import type { CreateBankDto, CreateCategoryDto, UpdateBankDto, UpdateCategoryDto } from './dto/bank.dto';
import { QuestionBankEntity } from './question-bank.entity';
import { QuestionBankRepository } from './question-bank.repository';
import { QuestionCategoryEntity } from './question-category.entity';
import { QuestionTagEntity } from './question-tag.entity';

/** Banks, their category trees and tags, always within the caller's institution. */
@Injectable()
export class BanksService {
  constructor(
    private readonly banks: QuestionBankRepository,
    private readonly clock: Clock,
  ) {}

  async create(institutionId: string, dto: CreateBankDto): Promise<QuestionBankEntity> {
    const now = this.clock.now();
    const bank = Object.assign(new QuestionBankEntity(), {
      id: randomUUID(),
      institutionId,
      name: dto.name.trim(),
      description: dto.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
    await this.banks.insert(bank);
    return bank;
  }

  list(institutionId: string): Promise<QuestionBankEntity[]> {
    return this.banks.listOfInstitution(institutionId);
  }

  /** Another institution's bank answers exactly like a missing one. */
  async get(institutionId: string, bankId: string): Promise<QuestionBankEntity> {
    const bank = await this.banks.findOfInstitution(institutionId, bankId);
    if (bank === null) throw new BankNotFoundError();
    return bank;
  }

  async update(institutionId: string, bankId: string, dto: UpdateBankDto): Promise<QuestionBankEntity> {
    const bank = await this.get(institutionId, bankId);
    if (dto.name !== undefined) bank.name = dto.name.trim();
    if (dto.description !== undefined) bank.description = dto.description;
    bank.updatedAt = this.clock.now();
    await this.banks.save(bank);
    return bank;
  }

  async delete(institutionId: string, bankId: string): Promise<void> {
    await this.get(institutionId, bankId);
    if (await this.banks.hasQuestions(bankId)) throw new BankNotEmptyError();
    try {
      await this.banks.delete(bankId);
    } catch {
      // A paper still refers to the bank (foreign key).
      throw new BankNotEmptyError();
    }
  }

  async categories(institutionId: string, bankId: string): Promise<QuestionCategoryEntity[]> {
    await this.get(institutionId, bankId);
    return this.banks.categoriesOf(bankId);
  }

  async createCategory(
    institutionId: string,
    bankId: string,
    dto: CreateCategoryDto,
  ): Promise<QuestionCategoryEntity> {
    await this.get(institutionId, bankId);
    if (dto.parentId !== undefined && (await this.banks.findCategory(bankId, dto.parentId)) === null)
      throw new CategoryNotFoundError('parentId');
    this.checkSiblingName(await this.banks.categoriesOf(bankId), dto.parentId ?? null, dto.name);
    const category = Object.assign(new QuestionCategoryEntity(), {
      id: randomUUID(),
      bankId,
      parentId: dto.parentId ?? null,
      name: dto.name.trim(),
      createdAt: this.clock.now(),
    });
    await this.banks.transaction((tx) => this.banks.insertCategories(tx, [category]));
    return category;
  }

  async updateCategory(
    institutionId: string,
    bankId: string,
    categoryId: string,
    dto: UpdateCategoryDto,
  ): Promise<QuestionCategoryEntity> {
    await this.get(institutionId, bankId);
    const category = await this.banks.findCategory(bankId, categoryId);
    if (category === null) throw new CategoryNotFoundError();
    const all = await this.banks.categoriesOf(bankId);
    if (dto.name !== undefined) category.name = dto.name.trim();
    if (dto.parentId !== undefined) {
      if (dto.parentId !== null) {
        const byId = new Map(all.map((c) => [c.id, c]));
        if (!byId.has(dto.parentId)) throw new CategoryNotFoundError('parentId');
        for (let at: string | null = dto.parentId; at !== null; at = byId.get(at)?.parentId ?? null) {
          if (at === categoryId) throw new CategoryCycleError();
        }
      }
      category.parentId = dto.parentId;
    }
    this.checkSiblingName(all, category.parentId, category.name, categoryId);
    await this.banks.saveCategory(category);
    return category;
  }

  /**
   * Siblings have distinct names, compared as the column's collation compares (trimmed, case-insensitive), so
   * a path like "代数/方程" names one category. A unique index cannot hold it (parent_id is NULL at the top
   * level and MySQL lets NULLs repeat); two simultaneous creations of one name can still both pass.
   */
  private checkSiblingName(
    all: readonly QuestionCategoryEntity[],
    parentId: string | null,
    name: string,
    exceptId?: string,
  ): void {
    const wanted = name.trim().toLowerCase();
    if (
      all.some((c) => c.id !== exceptId && c.parentId === parentId && c.name.trim().toLowerCase() === wanted)
    )
      throw new CategoryExistsError();
  }

  async deleteCategory(institutionId: string, bankId: string, categoryId: string): Promise<void> {
    await this.get(institutionId, bankId);
    if ((await this.banks.findCategory(bankId, categoryId)) === null) throw new CategoryNotFoundError();
    if (await this.banks.categoryInUse(categoryId)) throw new CategoryNotEmptyError();
    await this.banks.deleteCategory(categoryId);
  }

  async tags(institutionId: string, bankId: string): Promise<QuestionTagEntity[]> {
    await this.get(institutionId, bankId);
    return this.banks.tagsOf(bankId);
  }

  async createTag(institutionId: string, bankId: string, name: string): Promise<QuestionTagEntity> {
    await this.get(institutionId, bankId);
    const trimmed = name.trim();
    if ((await this.banks.findTagByName(bankId, trimmed)) !== null) throw new TagExistsError();
    const tag = Object.assign(new QuestionTagEntity(), { id: randomUUID(), bankId, name: trimmed });
    try {
      await this.banks.insertTag(tag);
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) throw new TagExistsError();
      throw error;
    }
    return tag;
  }

  async deleteTag(institutionId: string, bankId: string, tagId: string): Promise<void> {
    await this.get(institutionId, bankId);
    if ((await this.banks.findTag(bankId, tagId)) === null) throw new TagNotFoundError();
    await this.banks.deleteTag(tagId);
  }
}
