import type {
  BankResponseDto,
  CategoryResponseDto,
  QuestionResponseDto,
  QuestionVersionResponseDto,
  TagResponseDto,
} from './dto/bank.dto';
import type { QuestionEntity } from './question.entity';
import type { QuestionBankEntity } from './question-bank.entity';
import type { QuestionCategoryEntity } from './question-category.entity';
import type { QuestionTagEntity } from './question-tag.entity';
import type { QuestionVersionEntity } from './question-version.entity';

export function toBankDto(bank: QuestionBankEntity): BankResponseDto {
  return {
    bankId: bank.id,
    name: bank.name,
    description: bank.description,
    createdAt: bank.createdAt.toISOString(),
    updatedAt: bank.updatedAt.toISOString(),
  };
}

/** The category list as a tree, children sorted by name. */
export function toCategoryTree(categories: readonly QuestionCategoryEntity[]): CategoryResponseDto[] {
  const nodes = new Map<string, CategoryResponseDto>();
  for (const c of categories)
    nodes.set(c.id, { categoryId: c.id, parentId: c.parentId, name: c.name, children: [] });
  const roots: CategoryResponseDto[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function toTagDto(tag: QuestionTagEntity): TagResponseDto {
  return { tagId: tag.id, name: tag.name };
}

export function toQuestionDto(question: QuestionEntity, version: QuestionVersionEntity): QuestionResponseDto {
  return {
    questionId: question.id,
    bankId: question.bankId,
    version: version.version,
    type: question.type,
    difficulty: question.difficulty,
    score: question.score,
    categoryId: question.categoryId,
    tags: question.tags,
    content: { ...version.content },
    locked: version.lockedAt !== null,
    updatedAt: question.updatedAt.toISOString(),
  };
}

export function toVersionDto(version: QuestionVersionEntity): QuestionVersionResponseDto {
  return {
    version: version.version,
    locked: version.lockedAt !== null,
    createdAt: version.createdAt.toISOString(),
    content: { ...version.content },
  };
}
