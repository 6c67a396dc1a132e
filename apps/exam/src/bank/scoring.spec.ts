import fc from 'fast-check';

import { blankMatches, normaliseAnswer, toHalfWidth } from './answer-normalisation';
import type { ChoiceOption, QuestionContent } from './question-content';
import { scoreBlanks, scoreMultiple, scoreSingle, scoreTrueFalse } from './scoring';

const options = (correct: string): ChoiceOption[] =>
  'ABCDE'.split('').map((key) => ({ key, text: key, correct: correct.includes(key) }));

describe('scoring', () => {
  it('should score a single choice only for the correct key', () => {
    expect(scoreSingle(options('B'), 'B', 5)).toBe(5);
    expect(scoreSingle(options('B'), 'A', 5)).toBe(0);
    expect(scoreSingle(options('B'), null, 5)).toBe(0);
  });

  it('should score multiple choice under each partial-credit rule', () => {
    const abc = options('ABC');
    expect(scoreMultiple(abc, ['A', 'B', 'C'], 6, 'all_or_nothing')).toBe(6);
    expect(scoreMultiple(abc, ['A', 'B'], 6, 'all_or_nothing')).toBe(0);
    expect(scoreMultiple(abc, ['A', 'B'], 6, 'proportional')).toBe(4);
    expect(scoreMultiple(abc, ['A', 'B', 'D'], 6, 'proportional')).toBe(2);
    expect(scoreMultiple(abc, ['A', 'D', 'E'], 6, 'proportional')).toBe(0);
    expect(scoreMultiple(abc, ['A', 'B'], 6, 'wrong_choice_zero')).toBe(4);
    expect(scoreMultiple(abc, ['A', 'B', 'C', 'D'], 6, 'wrong_choice_zero')).toBe(0);
  });

  it('should keep every multiple-choice score between 0 and the full score, full only for the exact set', () => {
    const rules = ['all_or_nothing', 'proportional', 'wrong_choice_zero'] as const;
    fc.assert(
      fc.property(
        fc.subarray(['A', 'B', 'C', 'D', 'E'], { minLength: 1 }),
        fc.subarray(['A', 'B', 'C', 'D', 'E']),
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 100 }),
        (correct, chosen, rule, score) => {
          const points = scoreMultiple(options(correct.join('')), chosen, score, rule);
          const exact = chosen.length === correct.length && correct.every((c) => chosen.includes(c));
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(score);
          if (exact) expect(points).toBe(score);
          if (rule === 'all_or_nothing' && !exact) expect(points).toBe(0);
        },
      ),
    );
  });

  it('should score true/false', () => {
    expect(scoreTrueFalse(true, true, 2)).toBe(2);
    expect(scoreTrueFalse(true, false, 2)).toBe(0);
    expect(scoreTrueFalse(false, null, 2)).toBe(0);
  });

  it('should give each blank its share under the normalisation rules', () => {
    const content: QuestionContent = {
      type: 'fill_blank',
      stem: 's',
      explanation: '',
      score: 4,
      blanks: [{ accepted: ['H2O', '水'] }, { accepted: ['Hello World'] }],
      normalisation: { ignoreCase: true, ignoreSpaces: false, fullWidthToHalfWidth: true },
    };
    expect(scoreBlanks(content, ['ｈ２ｏ', '  hello   world '])).toBe(4);
    expect(scoreBlanks(content, ['水', 'helloworld'])).toBe(2);
    expect(scoreBlanks(content, [])).toBe(0);
  });
});

describe('answer normalisation', () => {
  it('should map full-width letters, digits, punctuation and the ideographic space to half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，！\u3000x')).toBe('ABC123,! x');
  });

  it('should honour each flag', () => {
    expect(
      normaliseAnswer(' A  b ', { ignoreCase: false, ignoreSpaces: false, fullWidthToHalfWidth: false }),
    ).toBe('A b');
    expect(
      normaliseAnswer(' A  b ', { ignoreCase: true, ignoreSpaces: true, fullWidthToHalfWidth: false }),
    ).toBe('ab');
    expect(
      blankMatches('ａ', ['a'], { ignoreCase: false, ignoreSpaces: false, fullWidthToHalfWidth: false }),
    ).toBe(false);
  });

  it('should be idempotent and accept any accepted answer as itself', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (text, ignoreCase, ignoreSpaces, fw) => {
          const rules = { ignoreCase, ignoreSpaces, fullWidthToHalfWidth: fw };
          const once = normaliseAnswer(text, rules);
          expect(normaliseAnswer(once, rules)).toBe(once);
          expect(blankMatches(text, [text], rules)).toBe(true);
        },
      ),
    );
  });
});
