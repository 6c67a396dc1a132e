import type { CandidatePaper, PaperSnapshot } from '../../paper/paper-structure';
import type { KeyedQuestion } from './answer-grading';

/**
 * The grading key of a candidate's paper: each delivered question's pinned content (from the exam's frozen
 * snapshot, at the version the paper shows) and its worth in this paper. Pure.
 */
export function answerKeyOf(snapshot: PaperSnapshot, paper: CandidatePaper): KeyedQuestion[] {
  const pinned = new Map<string, KeyedQuestion['content']>();
  for (const section of snapshot.sections) {
    for (const f of section.fixed) pinned.set(`${f.questionId}@${f.version}`, f.content);
    for (const draw of section.draws)
      for (const q of draw.pool) pinned.set(`${q.questionId}@${q.version}`, q.content);
  }
  const key: KeyedQuestion[] = [];
  for (const section of paper.sections)
    for (const q of section.questions) {
      const content = pinned.get(`${q.questionId}@${q.version}`);
      if (content !== undefined) key.push({ questionId: q.questionId, score: q.score, content });
    }
  return key;
}
