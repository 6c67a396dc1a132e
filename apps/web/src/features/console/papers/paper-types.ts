/** The exam service's paper shapes (apps/exam/src/paper/dto/paper.dto.ts). */
import type { QuestionType } from '../banks/question-types';

export type PaperKind = 'fixed' | 'draw' | 'mixed';

export interface FixedItem {
  questionId: string;
  score?: number;
}

export interface DrawRule {
  count: number;
  scoreEach: number;
  categoryId?: string;
  tag?: string;
  type?: QuestionType;
  difficulty?: number;
}

export interface PaperSection {
  title: string;
  instructions?: string;
  items: FixedItem[];
  draws: DrawRule[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export interface PaperBody {
  title: string;
  bankId: string;
  kind: PaperKind;
  sections: PaperSection[];
}

export interface Paper extends PaperBody {
  paperId: string;
  totalScore: number;
  updatedAt: string;
}

export interface CandidateQuestionView {
  type: QuestionType;
  stem: string;
  score: number;
  options?: { key: string; text: string }[];
  blankCount?: number;
  subQuestions?: CandidateQuestionView[];
}

export interface CandidatePaper {
  seed: string;
  totalScore: number;
  sections: {
    title: string;
    instructions: string;
    questions: { questionId: string; version: number; score: number; view: CandidateQuestionView }[];
  }[];
}
