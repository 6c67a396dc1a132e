import type { QuestionType } from '../banks/question-types';
import type { NamePath } from '../shared/field-path';
import { namePathOf } from '../shared/field-path';
import type { DrawRule, Paper, PaperBody, PaperKind } from './paper-types';

export interface DrawRuleValues {
  count: number;
  scoreEach: number;
  type?: QuestionType | null;
  difficulty?: number | null;
  categoryId?: string | null;
  tag?: string;
}

export interface SectionValues {
  title: string;
  instructions?: string;
  questionIds?: string[];
  draws?: DrawRuleValues[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export interface PaperValues {
  title: string;
  bankId: string;
  kind: PaperKind;
  sections: SectionValues[];
}

export function newSection(n: number): SectionValues {
  return {
    title: `第${String(n)}部分`,
    instructions: '',
    questionIds: [],
    draws: [],
    shuffleQuestions: false,
    shuffleOptions: false,
  };
}

export function newDrawRule(): DrawRuleValues {
  return { count: 5, scoreEach: 2 };
}

function ruleOf(v: DrawRuleValues): DrawRule {
  const tag = v.tag?.trim();
  return {
    count: v.count,
    scoreEach: v.scoreEach,
    ...(v.type ? { type: v.type } : {}),
    ...(v.difficulty ? { difficulty: v.difficulty } : {}),
    ...(v.categoryId ? { categoryId: v.categoryId } : {}),
    ...(tag ? { tag } : {}),
  };
}

/** The body of POST/PUT …/papers: a fixed paper keeps only chosen questions, a draw paper only rules. */
export function toPaperBody(v: PaperValues): PaperBody {
  return {
    title: v.title.trim(),
    bankId: v.bankId,
    kind: v.kind,
    sections: v.sections.map((s) => ({
      title: s.title.trim(),
      ...(s.instructions?.trim() ? { instructions: s.instructions.trim() } : {}),
      items: v.kind === 'draw' ? [] : (s.questionIds ?? []).map((questionId) => ({ questionId })),
      draws: v.kind === 'fixed' ? [] : (s.draws ?? []).map(ruleOf),
      shuffleQuestions: s.shuffleQuestions,
      shuffleOptions: s.shuffleOptions,
    })),
  };
}

export function toPaperValues(p: Paper): PaperValues {
  return {
    title: p.title,
    bankId: p.bankId,
    kind: p.kind,
    sections: p.sections.map((s) => ({
      title: s.title,
      instructions: s.instructions ?? '',
      questionIds: s.items.map((i) => i.questionId),
      draws: s.draws.map((d) => ({ ...d })),
      shuffleQuestions: s.shuffleQuestions,
      shuffleOptions: s.shuffleOptions,
    })),
  };
}

/** What the pool check needs to know of a bank's question. */
export interface PoolQuestion {
  questionId: string;
  type: QuestionType;
  difficulty: number;
  categoryId: string | null;
  tags: readonly string[];
}

export interface PoolShortfall {
  section: number;
  rule: number;
  needs: number;
  has: number;
  reserved: number;
}

const matches = (q: PoolQuestion, r: DrawRule): boolean =>
  (r.type === undefined || q.type === r.type) &&
  (r.difficulty === undefined || q.difficulty === r.difficulty) &&
  (r.categoryId === undefined || q.categoryId === r.categoryId) &&
  (r.tag === undefined || q.tags.includes(r.tag));

/**
 * The draw rules the bank cannot fill, as the server counts them (papers.service.ts): a rule's pool is the
 * bank's questions matching its filters, less the section's fixed questions, less what earlier rules of the
 * section may take from the same questions. Lets the page warn before saving; the server decides.
 */
export function poolShortfalls(body: PaperBody, questions: readonly PoolQuestion[]): PoolShortfall[] {
  const out: PoolShortfall[] = [];
  body.sections.forEach((section, s) => {
    const fixed = new Set(section.items.map((i) => i.questionId));
    const earlier: { ids: Set<string>; count: number }[] = [];
    section.draws.forEach((rule, r) => {
      const ids = new Set(
        questions.filter((q) => !fixed.has(q.questionId) && matches(q, rule)).map((q) => q.questionId),
      );
      let taken = 0;
      for (const e of earlier) {
        let overlap = 0;
        for (const id of e.ids) if (ids.has(id)) overlap += 1;
        taken += Math.min(e.count, overlap);
      }
      const reserved = Math.min(taken, ids.size);
      earlier.push({ ids, count: rule.count });
      if (ids.size - reserved < rule.count)
        out.push({ section: s, rule: r, needs: rule.count, has: ids.size, reserved });
    });
  });
  return out;
}

/** Where a paper refusal's field sits in the editor: a draw rule's problem goes on its count. */
export function paperFieldOf(serverField: string): NamePath {
  const path = namePathOf(serverField);
  if (path.length === 4 && path[0] === 'sections' && path[2] === 'draws') return [...path, 'count'];
  if (path.length === 5 && path[0] === 'sections' && path[2] === 'items')
    return ['sections', path[1] ?? 0, 'questionIds'];
  if (path.length === 3 && path[0] === 'sections' && (path[2] === 'items' || path[2] === 'draws'))
    return path[2] === 'items' ? ['sections', path[1] ?? 0, 'questionIds'] : path;
  return path;
}
