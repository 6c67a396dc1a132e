import type { KeyedQuestion } from '../../attempt/domain/answer-grading';
import type { QuestionContent } from '../../bank/question-content';
import { nextOverride, regradeScore } from './key-change';
import { markablePartOf } from './markable-part';

const single: QuestionContent = {
  type: 'single',
  stem: 's',
  explanation: '',
  score: 2,
  options: [
    { key: 'A', text: 'a', correct: true },
    { key: 'B', text: 'b', correct: false },
    { key: 'C', text: 'c', correct: false },
  ],
};
const multiple: QuestionContent = {
  ...single,
  type: 'multiple',
  score: 4,
  partialCredit: 'proportional',
  options: [
    { key: 'A', text: 'a', correct: true },
    { key: 'B', text: 'b', correct: true },
    { key: 'C', text: 'c', correct: false },
  ],
};
const blank: QuestionContent = {
  type: 'fill_blank',
  stem: 'b',
  explanation: '',
  score: 2,
  blanks: [{ accepted: ['北京'] }, { accepted: ['上海'] }],
  normalisation: { ignoreCase: true, ignoreSpaces: false, fullWidthToHalfWidth: true },
};
const keyed = (content: QuestionContent, score = content.score * 2): KeyedQuestion => ({
  questionId: 'q',
  score,
  content,
});

function override(content: QuestionContent, ...requests: Parameters<typeof nextOverride>[2][]) {
  let current = null;
  for (const request of requests) {
    const result = nextOverride(content, current, request);
    if (result.override === null) throw new Error(JSON.stringify(result.errors));
    current = result.override;
  }
  if (current === null) throw new Error('no request');
  return current;
}

describe('nextOverride and regradeScore', () => {
  it('should accept another single-choice answer, scaled to the paper, and be idempotent', () => {
    const once = override(single, { action: 'accept', choices: ['B'] });
    expect(
      override(single, { action: 'accept', choices: ['B'] }, { action: 'accept', choices: ['B'] }),
    ).toEqual(once);
    expect(regradeScore(keyed(single), once, { choice: 'B' })).toBe(4);
    expect(regradeScore(keyed(single), once, { choice: 'A' })).toBe(4);
    expect(regradeScore(keyed(single), once, { choice: 'C' })).toBe(0);
  });

  it('should replace a key and keep the partial-credit rule of the frozen paper', () => {
    const replaced = override(multiple, { action: 'replace', choices: ['C', 'A'] });
    expect(replaced.correct).toEqual(['A', 'C']);
    expect(regradeScore(keyed(multiple, 4), replaced, { choices: ['A'] })).toBe(2);
    expect(regradeScore(keyed(multiple, 4), replaced, { choices: ['A', 'B'] })).toBe(0);
  });

  it('should accept more answers per blank with the normalisation rules', () => {
    const accepted = override(blank, { action: 'accept', blanks: [['Beijing'], []] });
    expect(regradeScore(keyed(blank, 2), accepted, { blanks: ['beijing', '上海'] })).toBe(2);
    expect(regradeScore(keyed(blank, 2), accepted, { blanks: ['beijing', 'x'] })).toBe(1);
  });

  it('should give everyone full points for a dropped question, answered or not', () => {
    const dropped = override(single, { action: 'drop' });
    expect(regradeScore(keyed(single), dropped, undefined)).toBe(4);
    expect(regradeScore(keyed(single), dropped, { choice: 'C' })).toBe(4);
  });

  it('should refuse changes that do not fit the question, each with its field', () => {
    const field = (content: QuestionContent, request: Parameters<typeof nextOverride>[2]) =>
      nextOverride(content, null, request).errors.map((e) => e.field);
    expect(field(single, { action: 'accept', choices: ['Z'] })).toEqual(['choices']);
    expect(field(single, { action: 'replace', choices: ['A', 'B'] })).toEqual(['choices']);
    expect(field(multiple, { action: 'accept', choices: ['C'] })).toEqual(['action']);
    expect(field(blank, { action: 'accept', blanks: [['x']] })).toEqual(['blanks']);
    expect(field(blank, { action: 'replace', blanks: [['x'], []] })).toEqual(['blanks[1]']);
    expect(
      field({ type: 'essay', stem: 'e', explanation: '', score: 5, rubric: 'r' }, { action: 'drop' }),
    ).toEqual(['questionId']);
  });
});

describe('markablePartOf', () => {
  const essay: QuestionContent = { type: 'essay', stem: 'e', explanation: '', score: 5, rubric: 'r' };

  it('should give a written essay to a marker for its full points in the paper', () => {
    expect(markablePartOf(keyed(essay, 10), { text: 'answer' })).toEqual({
      maxMark: 10,
      autoPoints: 0,
      passages: [{ part: null, stem: 'e', rubric: 'r', text: 'answer', points: 10 }],
    });
    expect(markablePartOf(keyed(essay, 10), { text: '  ' })).toBeNull();
  });

  it('should mark only the written parts of a composite question and keep its objective points', () => {
    const composite: QuestionContent = {
      type: 'composite',
      stem: 'c',
      explanation: '',
      score: 7,
      subQuestions: [single, essay],
    };
    const part = markablePartOf(keyed(composite, 14), { parts: [{ choice: 'A' }, { text: 'why' }] });
    expect(part).toMatchObject({
      maxMark: 10,
      autoPoints: 4,
      passages: [{ part: 1, text: 'why', points: 10 }],
    });
  });
});
