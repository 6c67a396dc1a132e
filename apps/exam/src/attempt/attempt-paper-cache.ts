import { Injectable } from '@nestjs/common';

import type { CandidateQuestionView } from '../bank/question-content';
import type { CandidatePaper } from '../paper/paper-structure';

export interface CachedPaper {
  readonly userId: string;
  readonly paper: CandidatePaper;
  readonly questions: ReadonlyMap<string, CandidateQuestionView>;
  /** The paper as JSON text, serialized on first use. */
  readonly json: string;
}

const MAX_ENTRIES = 5000;

/**
 * Attempts' frozen papers, per process: a paper never changes once the attempt started, so autosaves check
 * the question against it without reading the paper again. Bounded; the oldest entry goes first.
 */
@Injectable()
export class AttemptPaperCache {
  private readonly entries = new Map<string, CachedPaper>();

  get(attemptId: string): CachedPaper | undefined {
    return this.entries.get(attemptId);
  }

  put(attemptId: string, userId: string, paper: CandidatePaper): CachedPaper {
    const questions = new Map<string, CandidateQuestionView>();
    for (const section of paper.sections)
      for (const q of section.questions) questions.set(q.questionId, q.view);
    let json: string | undefined;
    const entry: CachedPaper = {
      userId,
      paper,
      questions,
      get json(): string {
        json ??= JSON.stringify(paper);
        return json;
      },
    };
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(attemptId, entry);
    return entry;
  }
}
