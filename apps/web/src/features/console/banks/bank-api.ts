import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { examPath } from '../shared/api-paths';
import type { Bank, BankTag, Category, Question, QuestionType, QuestionVersion } from './question-types';

export const bankKeys = {
  all: (institutionId: string) => ['console', institutionId, 'banks'] as const,
  one: (institutionId: string, bankId: string) => ['console', institutionId, 'banks', bankId] as const,
  categories: (institutionId: string, bankId: string) =>
    ['console', institutionId, 'banks', bankId, 'categories'] as const,
  questions: (institutionId: string, bankId: string) =>
    ['console', institutionId, 'banks', bankId, 'questions'] as const,
  tags: (institutionId: string, bankId: string) =>
    ['console', institutionId, 'banks', bankId, 'tags'] as const,
  versions: (institutionId: string, bankId: string, questionId: string) =>
    ['console', institutionId, 'banks', bankId, 'questions', questionId, 'versions'] as const,
};

export function useBanks(institutionId: string) {
  return useQuery({
    queryKey: bankKeys.all(institutionId),
    queryFn: () => api<{ items: Bank[] }>(examPath(institutionId, '/banks')).then((r) => r.items),
  });
}

export function useBank(institutionId: string, bankId: string) {
  return useQuery({
    queryKey: bankKeys.one(institutionId, bankId),
    queryFn: () => api<Bank>(examPath(institutionId, `/banks/${bankId}`)),
  });
}

export function useCategories(institutionId: string, bankId: string | undefined) {
  return useQuery({
    queryKey: bankKeys.categories(institutionId, bankId ?? ''),
    queryFn: () =>
      api<{ tree: Category[] }>(examPath(institutionId, `/banks/${bankId ?? ''}/categories`)).then(
        (r) => r.tree,
      ),
    enabled: bankId !== undefined && bankId !== '',
  });
}

/** The bank's tags (made when a question is saved with them), sorted by name for the filter and the editor. */
export function useTags(institutionId: string, bankId: string) {
  return useQuery({
    queryKey: bankKeys.tags(institutionId, bankId),
    queryFn: () =>
      api<{ items: BankTag[] }>(examPath(institutionId, `/banks/${bankId}/tags`)).then((r) =>
        [...r.items].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      ),
    enabled: bankId !== '',
  });
}

/** A question's versions, newest first (the exam service keeps up to 200). */
export function useVersions(institutionId: string, bankId: string, questionId: string) {
  return useQuery({
    queryKey: bankKeys.versions(institutionId, bankId, questionId),
    queryFn: () =>
      api<{ items: QuestionVersion[] }>(
        examPath(institutionId, `/banks/${bankId}/questions/${questionId}/versions`),
      ).then((r) => r.items),
  });
}

export interface QuestionFilter {
  type?: QuestionType;
  difficulty?: number;
  categoryId?: string;
  tag?: string;
  page: number;
  pageSize: number;
}

export function questionsQuery(filter: QuestionFilter): string {
  const query = new URLSearchParams();
  if (filter.type) query.set('type', filter.type);
  if (filter.difficulty) query.set('difficulty', String(filter.difficulty));
  if (filter.categoryId) query.set('categoryId', filter.categoryId);
  const tag = filter.tag?.trim();
  if (tag) query.set('tag', tag);
  query.set('limit', String(filter.pageSize));
  query.set('offset', String((filter.page - 1) * filter.pageSize));
  return query.toString();
}

export function useQuestions(institutionId: string, bankId: string | undefined, filter: QuestionFilter) {
  return useQuery({
    queryKey: [...bankKeys.questions(institutionId, bankId ?? ''), filter],
    queryFn: () =>
      api<{ items: Question[]; total: number }>(
        examPath(institutionId, `/banks/${bankId ?? ''}/questions?${questionsQuery(filter)}`),
      ),
    enabled: bankId !== undefined && bankId !== '',
    placeholderData: keepPreviousData,
  });
}

export { flattenCategories } from './category-tree';
