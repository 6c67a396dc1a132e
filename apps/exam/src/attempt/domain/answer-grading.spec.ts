import type { QuestionContent } from '../../bank/question-content';
import type { CandidateQuestionView } from '../../bank/question-content';
import { checkAnswer } from './answer';
import { gradeAttempt, gradeQuestion, type KeyedQuestion } from './answer-grading';

const options = (correct: string[]) =>
  ['A', 'B', 'C', 'D'].map((key) => ({ key, text: key.toLowerCase(), correct: correct.includes(key) }));

const content = {
  single: { type: 'single', stem: 's', explanation: '', score: 2, options: options(['A']) },
  proportional: {
    type: 'multiple',
    stem: 'm',
    explanation: '',
    score: 4,
    options: options(['A', 'B']),
    partialCredit: 'proportional',
  },
  wrongZero: {
    type: 'multiple',
    stem: 'm',
    explanation: '',
    score: 4,
    options: options(['A', 'B']),
    partialCredit: 'wrong_choice_zero',
  },
  allOrNothing: {
    type: 'multiple',
    stem: 'm',
    explanation: '',
    score: 4,
    options: options(['A', 'B']),
    partialCredit: 'all_or_nothing',
  },
  trueFalse: { type: 'true_false', stem: 't', explanation: '', score: 1, answer: false },
  blanks: {
    type: 'fill_blank',
    stem: 'b',
    explanation: '',
    score: 2,
    blanks: [{ accepted: ['北京'] }, { accepted: ['上海'] }],
  },
  essay: { type: 'essay', stem: 'e', explanation: '', score: 5, rubric: 'r' },
} satisfies Record<string, QuestionContent>;

const keyed = (c: QuestionContent, score = c.score, questionId = 'q'): KeyedQuestion => ({
  questionId,
  score,
  content: c,
});

describe(gradeQuestion.name, () => {
  it('should grade single, true/false and blanks, scaled to the paper’s score', () => {
    expect(gradeQuestion(keyed(content.single), { choice: 'A' })).toEqual({ score: 2, auto: 2 });
    expect(gradeQuestion(keyed(content.single, 5), { choice: 'A' })).toEqual({ score: 5, auto: 5 });
    expect(gradeQuestion(keyed(content.single), { choice: 'B' })).toEqual({ score: 0, auto: 0 });
    expect(gradeQuestion(keyed(content.trueFalse), { truth: false })).toEqual({ score: 1, auto: 1 });
    expect(gradeQuestion(keyed(content.blanks), { blanks: ['北京', '广州'] })).toEqual({ score: 1, auto: 1 });
    expect(gradeQuestion(keyed(content.blanks, 3), { blanks: ['北京', '上海'] })).toEqual({
      score: 3,
      auto: 3,
    });
  });

  it('should apply every partial-credit rule of multiple choice', () => {
    const pick = (c: QuestionContent, choices: string[]) => gradeQuestion(keyed(c), { choices }).score;
    expect(pick(content.proportional, ['A'])).toBe(2);
    expect(pick(content.proportional, ['A', 'B', 'C'])).toBe(2);
    expect(pick(content.proportional, ['C', 'D'])).toBe(0);
    expect(pick(content.wrongZero, ['A'])).toBe(2);
    expect(pick(content.wrongZero, ['A', 'C'])).toBe(0);
    expect(pick(content.allOrNothing, ['A'])).toBe(0);
    expect(pick(content.allOrNothing, ['A', 'B'])).toBe(4);
  });

  it('should leave a written essay for marking, and score blank answers 0', () => {
    expect(gradeQuestion(keyed(content.essay), { text: 'argument' })).toEqual({ score: null, auto: 0 });
    expect(gradeQuestion(keyed(content.essay), { text: '   ' })).toEqual({ score: 0, auto: 0 });
    expect(gradeQuestion(keyed(content.single), undefined)).toEqual({ score: 0, auto: 0 });
    expect(gradeQuestion(keyed(content.single), {})).toEqual({ score: 0, auto: 0 });
  });

  it('should grade a composite from its parts and wait for marking when one is an essay', () => {
    const composite: QuestionContent = {
      type: 'composite',
      stem: 'c',
      explanation: '',
      score: 3,
      subQuestions: [content.single, content.trueFalse],
    };
    expect(gradeQuestion(keyed(composite), { parts: [{ choice: 'A' }, { truth: true }] })).toEqual({
      score: 2,
      auto: 2,
    });
    const withEssay: QuestionContent = {
      ...composite,
      score: 7,
      subQuestions: [content.single, content.essay],
    };
    expect(gradeQuestion(keyed(withEssay), { parts: [{ choice: 'A' }, { text: 'x' }] })).toEqual({
      score: null,
      auto: 2,
    });
  });
});

describe(gradeAttempt.name, () => {
  it('should record a score per question, the objective total and whether marking is needed', () => {
    const key = [
      keyed(content.single, 2, 'q1'),
      keyed(content.proportional, 4, 'q2'),
      keyed(content.essay, 5, 'q3'),
    ];
    const graded = gradeAttempt(
      key,
      new Map([
        ['q1', { choice: 'A' }],
        ['q3', { text: 'essay' }],
      ]),
    );
    expect(graded).toEqual({
      scores: { q1: 2, q2: 0, q3: null },
      objectiveScore: 2,
      maxScore: 11,
      needsMarking: true,
    });
    expect(gradeAttempt(key.slice(0, 2), new Map()).needsMarking).toBe(false);
  });
});

describe(checkAnswer.name, () => {
  const view = (type: CandidateQuestionView['type'], extra: Partial<CandidateQuestionView> = {}) => ({
    type,
    stem: 's',
    score: 1,
    ...extra,
  });
  const choices = {
    options: [
      { key: 'A', text: 'a' },
      { key: 'B', text: 'b' },
    ],
  };

  it('should accept answers of the question’s type, and a cleared answer', () => {
    expect(checkAnswer(view('single', choices), { choice: 'B' })).toEqual([]);
    expect(checkAnswer(view('multiple', choices), { choices: ['A', 'B'] })).toEqual([]);
    expect(checkAnswer(view('fill_blank', { blankCount: 2 }), { blanks: ['x'] })).toEqual([]);
    expect(checkAnswer(view('single', choices), {})).toEqual([]);
  });

  it('should name each field that does not fit', () => {
    expect(checkAnswer(view('single', choices), { choice: 'Z' })).toEqual([
      { field: 'answer.choice', reason: 'must be one of A, B' },
    ]);
    expect(checkAnswer(view('single', choices), { text: 'x' })[0]).toMatchObject({ field: 'answer.text' });
    expect(checkAnswer(view('multiple', choices), { choices: ['A', 'A'] })[0]).toMatchObject({
      reason: 'must not repeat an option',
    });
    expect(checkAnswer(view('fill_blank', { blankCount: 1 }), { blanks: ['x', 'y'] })[0]).toMatchObject({
      field: 'answer.blanks',
    });
    const composite = view('composite', { subQuestions: [view('single', choices)] });
    expect(checkAnswer(composite, { parts: [{ choice: 'Q' }, {}] }).map((e) => e.field)).toEqual([
      'answer.parts',
      'answer.parts[0].choice',
    ]);
  });
});
