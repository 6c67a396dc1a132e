import type { CandidatePaper, PaperSnapshot } from '../../paper/paper-structure';
import type { KeyedQuestion } from './answer-grading';

/**
 * What an attempt row keeps as its grading key: for each delivered question, its id, its pinned version and its
 * worth in this paper. The content (answers, explanation) is the exam's frozen snapshot's, at that version, so
 * the row does not repeat it. Rows written before this keep whole questions ({@link KeyedQuestion}).
 */
export interface AnswerKeyRef {
  readonly questionId: string;
  readonly version: number;
  readonly score: number;
}

export type StoredAnswerKey = readonly (AnswerKeyRef | KeyedQuestion)[];

type PinnedContents = ReadonlyMap<string, KeyedQuestion['content']>;

const pinnedBySnapshot = new WeakMap<PaperSnapshot, PinnedContents>();

/** Every question a snapshot pins, by `questionId@version`; built once per snapshot object. */
function pinnedContents(snapshot: PaperSnapshot): PinnedContents {
  const known = pinnedBySnapshot.get(snapshot);
  if (known !== undefined) return known;
  const pinned = new Map<string, KeyedQuestion['content']>();
  for (const section of snapshot.sections) {
    for (const f of section.fixed) pinned.set(`${f.questionId}@${f.version}`, f.content);
    for (const draw of section.draws)
      for (const q of draw.pool) pinned.set(`${q.questionId}@${q.version}`, q.content);
  }
  pinnedBySnapshot.set(snapshot, pinned);
  return pinned;
}

/**
 * The grading key of a candidate's paper, as the attempt row keeps it: each delivered question's id, the
 * version the paper shows and its worth in this paper. Pure.
 */
export function answerKeyRefsOf(snapshot: PaperSnapshot, paper: CandidatePaper): AnswerKeyRef[] {
  const pinned = pinnedContents(snapshot);
  const refs: AnswerKeyRef[] = [];
  for (const section of paper.sections)
    for (const q of section.questions)
      if (pinned.has(`${q.questionId}@${q.version}`))
        refs.push({ questionId: q.questionId, version: q.version, score: q.score });
  return refs;
}

/** Whether a stored key names questions by reference, so the exam's snapshot is needed to grade with it. */
export function keyNeedsSnapshot(stored: StoredAnswerKey): boolean {
  return stored.some((entry) => !('content' in entry));
}

/**
 * The grading key with each question's pinned content: a stored reference resolved against the exam's frozen
 * snapshot, an older row's whole question taken as it is. Throws when a reference is not in the snapshot (the
 * snapshot never changes once published, so that is corrupt data, never something to grade around). Pure.
 */
export function resolveAnswerKey(stored: StoredAnswerKey, snapshot: PaperSnapshot | null): KeyedQuestion[] {
  const pinned = snapshot === null ? null : pinnedContents(snapshot);
  return stored.map((entry) => {
    if ('content' in entry) return entry;
    const content = pinned?.get(`${entry.questionId}@${entry.version}`);
    if (content === undefined)
      throw new Error(
        `answer key: question ${entry.questionId}@${entry.version} is not in the exam's snapshot`,
      );
    return { questionId: entry.questionId, score: entry.score, content };
  });
}

/** The grading key of a candidate's paper with each question's content (pinned refs resolved). Pure. */
export function answerKeyOf(snapshot: PaperSnapshot, paper: CandidatePaper): KeyedQuestion[] {
  return resolveAnswerKey(answerKeyRefsOf(snapshot, paper), snapshot);
}
