import { keyChangeBody, parseBlanks, parseChoices } from './key-change-input';

describe('key change input', () => {
  it('reads option letters however they are separated', () => {
    expect(parseChoices(' c, a，B、a ')).toEqual(['A', 'B', 'C']);
    expect(parseChoices('')).toEqual([]);
  });

  it('reads accepted answers per blank, one line per blank', () => {
    expect(parseBlanks('256 | 二百五十六\n\n 32 \n\n')).toEqual([['256', '二百五十六'], [], ['32']]);
  });

  it('builds the request for each question type, or says what is missing', () => {
    const base = { questionId: 'q', reason: ' 答案印错 ' };
    expect(keyChangeBody({ ...base, type: 'single', action: 'accept', choices: 'c' })).toEqual({
      body: { questionId: 'q', action: 'accept', reason: '答案印错', choices: ['C'] },
    });
    expect(keyChangeBody({ ...base, type: 'true_false', action: 'replace', truth: true })).toEqual({
      body: { questionId: 'q', action: 'replace', reason: '答案印错', truth: true },
    });
    expect(
      keyChangeBody({ ...base, type: 'fill_blank', action: 'accept', blanks: '256|二百五十六' }),
    ).toEqual({
      body: {
        questionId: 'q',
        action: 'accept',
        reason: '答案印错',
        blanks: [{ accepted: ['256', '二百五十六'] }],
      },
    });
    expect(keyChangeBody({ ...base, type: 'multiple', action: 'drop' })).toEqual({
      body: { questionId: 'q', action: 'drop', reason: '答案印错' },
    });
  });

  it('refuses what the API would refuse', () => {
    expect(keyChangeBody({ type: 'single', action: 'drop', reason: 'x' })).toEqual({ problem: 'question' });
    expect(keyChangeBody({ questionId: 'q', type: 'essay', action: 'drop', reason: 'x' })).toEqual({
      problem: 'not_regradable',
    });
    expect(keyChangeBody({ questionId: 'q', type: 'single', reason: 'x' })).toEqual({ problem: 'action' });
    expect(keyChangeBody({ questionId: 'q', type: 'single', action: 'drop', reason: '  ' })).toEqual({
      problem: 'reason',
    });
    expect(
      keyChangeBody({ questionId: 'q', type: 'multiple', action: 'accept', choices: 'A', reason: 'x' }),
    ).toEqual({
      problem: 'action',
    });
    expect(
      keyChangeBody({ questionId: 'q', type: 'true_false', action: 'accept', truth: true, reason: 'x' }),
    ).toEqual({
      problem: 'truth',
    });
    expect(
      keyChangeBody({ questionId: 'q', type: 'single', action: 'replace', choices: ' ', reason: 'x' }),
    ).toEqual({
      problem: 'choices',
    });
    expect(
      keyChangeBody({ questionId: 'q', type: 'fill_blank', action: 'accept', blanks: '\n', reason: 'x' }),
    ).toEqual({
      problem: 'blanks',
    });
  });
});
