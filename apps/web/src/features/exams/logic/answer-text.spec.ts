import { correctAnswerText, givenAnswerText, plain } from './answer-text';

const words = { yes: '对', no: '错', none: '未作答', or: '或' };
const options = [
  { key: 'A', text: 'AES', correct: false },
  { key: 'B', text: '<p>RSA</p>', correct: true },
];

describe('answers in the review', () => {
  it('should show choices with their option text', () => {
    expect(givenAnswerText({ choice: 'B' }, options, words)).toBe('B. RSA');
    expect(givenAnswerText({ choices: ['A', 'B'] }, options, words)).toBe('A. AES; B. RSA');
    expect(correctAnswerText({ choice: 'B' }, options, words)).toBe('B. RSA');
  });

  it('should say true or false in words', () => {
    expect(givenAnswerText({ truth: false }, undefined, words)).toBe('错');
    expect(correctAnswerText({ truth: true }, undefined, words)).toBe('对');
  });

  it('should list blanks and every accepted answer', () => {
    expect(givenAnswerText({ blanks: ['256'] }, undefined, words)).toBe('(1) 256');
    expect(correctAnswerText({ blanks: [['256', '二百五十六']] }, undefined, words)).toBe(
      '(1) 256 或 二百五十六',
    );
  });

  it('should say when nothing was answered', () => {
    expect(givenAnswerText(null, options, words)).toBe('未作答');
    expect(givenAnswerText({}, options, words)).toBe('未作答');
    expect(givenAnswerText({ choices: [] }, options, words)).toBe('未作答');
  });

  it('should reduce rich text to its words', () => {
    expect(plain('<p>a &amp; b</p><p>c</p>')).toBe('a & b c');
  });
});
