import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, Repository } from 'typeorm';

import { QuestionEntity } from './question.entity';
import { QuestionBankEntity } from './question-bank.entity';
import { QuestionCategoryEntity } from './question-category.entity';
import { QuestionTagEntity } from './question-tag.entity';

/** A bank with its category tree and tags (one aggregate: they live and die with the bank). */
@Injectable()
export class QuestionBankRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(QuestionBankEntity) private readonly banks: Repository<QuestionBankEntity>,
    @InjectRepository(QuestionCategoryEntity) private readonly categories: Repository<QuestionCategoryEntity>,
    @InjectRepository(QuestionTagEntity) private readonly tags: Repository<QuestionTagEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(bank: QuestionBankEntity): Promise<void> {
    await this.banks.insert(bank);
  }

  async save(bank: QuestionBankEntity): Promise<void> {
    await this.banks.save(bank);
  }

  async delete(bankId: string): Promise<void> {
    await this.banks.delete({ id: bankId });
  }

  findOfInstitution(institutionId: string, bankId: string): Promise<QuestionBankEntity | null> {
    return this.banks.findOne({ where: { id: bankId, institutionId } });
  }

  listOfInstitution(institutionId: string): Promise<QuestionBankEntity[]> {
    return this.banks.find({ where: { institutionId }, order: { createdAt: 'ASC' }, take: 500 });
  }

  async hasQuestions(bankId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(QuestionEntity).count({ where: { bankId }, take: 1 })) > 0;
  }

  categoriesOf(bankId: string, tx?: EntityManager): Promise<QuestionCategoryEntity[]> {
    const repo = tx ? tx.getRepository(QuestionCategoryEntity) : this.categories;
    return repo.find({ where: { bankId }, order: { name: 'ASC' } });
  }

  findCategory(bankId: string, categoryId: string): Promise<QuestionCategoryEntity | null> {
    return this.categories.findOne({ where: { id: categoryId, bankId } });
  }

  async insertCategories(tx: EntityManager, categories: readonly QuestionCategoryEntity[]): Promise<void> {
    if (categories.length > 0) await tx.getRepository(QuestionCategoryEntity).insert([...categories]);
  }

  async saveCategory(category: QuestionCategoryEntity): Promise<void> {
    await this.categories.save(category);
  }

  async deleteCategory(categoryId: string): Promise<void> {
    await this.categories.delete({ id: categoryId });
  }

  async categoryInUse(categoryId: string): Promise<boolean> {
    const [children, questions] = await Promise.all([
      this.categories.count({ where: { parentId: categoryId }, take: 1 }),
      this.dataSource.getRepository(QuestionEntity).count({ where: { categoryId }, take: 1 }),
    ]);
    return children + questions > 0;
  }

  tagsOf(bankId: string): Promise<QuestionTagEntity[]> {
    return this.tags.find({ where: { bankId }, order: { name: 'ASC' } });
  }

  findTag(bankId: string, tagId: string): Promise<QuestionTagEntity | null> {
    return this.tags.findOne({ where: { id: tagId, bankId } });
  }

  findTagByName(bankId: string, name: string): Promise<QuestionTagEntity | null> {
    return this.tags.findOne({ where: { bankId, name } });
  }

  async insertTag(tag: QuestionTagEntity): Promise<void> {
    await this.tags.insert(tag);
  }

  async deleteTag(tagId: string): Promise<void> {
    await this.tags.delete({ id: tagId });
  }

  /** Creates the tags a question or an import names that the bank does not know yet. */
  async ensureTags(
    tx: EntityManager,
    bankId: string,
    names: readonly string[],
    newId: () => string,
  ): Promise<void> {
    const unique = [...new Set(names)];
    if (unique.length === 0) return;
    // Upsert: concurrent writers naming the same new tag must not fail on the unique key.
    await tx.query(
      `INSERT IGNORE INTO question_tags (id, bank_id, name) VALUES ${unique.map(() => '(?, ?, ?)').join(', ')}`,
      unique.flatMap((name) => [newId(), bankId, name]),
    );
  }
}
