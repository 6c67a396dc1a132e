/** The exam service's question shapes (apps/exam/src/bank/dto/bank.dto.ts, question-content.ts). */

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'essay',
  'composite',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SUB_QUESTION_TYPES = ['single', 'multiple', 'true_false', 'fill_blank', 'essay'] as const;
export const PARTIAL_CREDIT_RULES = ['all_or_nothing', 'proportional', 'wrong_choice_zero'] as const;
export type PartialCreditRule = (typeof PARTIAL_CREDIT_RULES)[number];

export interface Normalisation {
  ignoreCase?: boolean;
  ignoreSpaces?: boolean;
  fullWidthToHalfWidth?: boolean;
}

/** A question's content as sent (POST/PUT …/questions) and, with option keys, as stored. */
export interface QuestionContentBody {
  type: QuestionType;
  stem: string;
  explanation?: string;
  score: number;
  options?: { key?: string; text: string; correct: boolean }[];
  partialCredit?: PartialCreditRule;
  answer?: boolean;
  blanks?: { accepted: string[] }[];
  normalisation?: Normalisation;
  rubric?: string;
  subQuestions?: QuestionContentBody[];
}

export interface QuestionBody extends QuestionContentBody {
  difficulty: number;
  categoryId?: string;
  tags?: string[];
}

export interface Question {
  questionId: string;
  bankId: string;
  version: number;
  type: QuestionType;
  difficulty: number;
  score: number;
  categoryId: string | null;
  tags: string[];
  content: QuestionContentBody;
  locked: boolean;
  updatedAt: string;
}

export interface Bank {
  bankId: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface Category {
  categoryId: string;
  parentId: string | null;
  name: string;
  children: Category[];
}

export interface BankTag {
  tagId: string;
  name: string;
}

/** One stored version of a question (GET …/questions/:id/versions); `locked` once an exam was published with it. */
export interface QuestionVersion {
  version: number;
  locked: boolean;
  createdAt: string;
  content: QuestionContentBody;
}
