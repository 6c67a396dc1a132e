import { Injectable, Logger } from '@nestjs/common';

import type { CandidateQuestionView } from '../bank/question-content';
import type { CandidatePaper } from '../paper/paper-structure';
import { PaperBody } from './paper-body/paper-body';

export interface CachedPaper {
  readonly userId: string;
  readonly paper: CandidatePaper;
  readonly questions: ReadonlyMap<string, CandidateQuestionView>;
  /** The paper as the response body: serialized (and compressed) on first use, then kept. */
  readonly body: PaperBody;
}

const MAX_ENTRIES = 5000;

/**
 * Attempts' frozen papers, per process: a paper never changes once the attempt started, so autosaves check
 * the question against it without reading the paper again. Bounded; the oldest entry goes first.
 */
@Injectable()
export class AttemptPaperCache {
  private readonly logger = new Logger(AttemptPaperCache.name);
  private readonly entries = new Map<string, CachedPaper>();

  get(attemptId: string): CachedPaper | undefined {
    return this.entries.get(attemptId);
  }

  put(attemptId: string, userId: string, paper: CandidatePaper): CachedPaper {
    const questions = new Map<string, CandidateQuestionView>();
    for (const section of paper.sections)
      for (const q of section.questions) questions.set(q.questionId, q.view);
    const entry: CachedPaper = {
      userId,
      paper,
      questions,
      body: new PaperBody(paper, (paths) => {
        this.logger.warn(
          `MASKING.UNMASKED_VALUE: masked an unmasked value in a paper at ${paths.join(', ')}; ` +
            'the question text holds what looks like an ID, mobile or card number',
        );
      }),
    };
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(attemptId, entry);
    return entry;
  }
}
