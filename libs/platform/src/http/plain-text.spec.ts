import { plainToInstance } from 'class-transformer';
import { IsString } from 'class-validator';
import { validateSync } from 'class-validator';

import { IsPlainText, plainTextProblem } from './plain-text';

class NameDto {
  @IsString() @IsPlainText() name!: string;
}

const reasons = (name: unknown): string[] =>
  validateSync(plainToInstance(NameDto, { name })).flatMap((e) => Object.values(e.constraints ?? {}));

describe('plain text for names and titles', () => {
  it.each([
    ['张三'],
    ['欧阳·娜娜'],
    ['Zoë O’Brien-Smith'],
    ['محمد'],
    ['👩‍💻 coder'],
    ['a b'],
    ['第 1 次模拟考试（2026）'],
  ])('accepts %s', (value) => {
    expect(plainTextProblem(value)).toBeNull();
    expect(reasons(value)).toEqual([]);
  });

  it.each([
    ['NUL', 'Alice\u0000', /control characters/],
    ['a line break', 'Alice\nBob', /control characters/],
    ['DEL', 'Alice\u007f', /control characters/],
    ['a right-to-left override', 'invoice\u202Etxt.exe', /bidirectional/],
    ['a left-to-right isolate', '\u2066Alice\u2069', /bidirectional/],
    ['a right-to-left mark', 'Alice\u200f', /bidirectional/],
    ['a zero-width space inside a name', 'Ali\u200bce', /invisible/],
    ['a byte-order mark', '\ufeffAlice', /invisible/],
    ['only spaces', '   ', /visible characters/],
    ['only ideographic spaces', '\u3000\u3000', /visible characters/],
    ['only zero-width joiners', '\u200d\u200c', /visible characters/],
    ['only a soft hyphen', '\u00ad', /visible characters/],
  ])('refuses %s with a reason naming the field', (_label, value, reason) => {
    expect(plainTextProblem(value)).toMatch(reason);
    const [message] = reasons(value);
    expect(message).toMatch(/^name must /);
    expect(message).toMatch(reason);
  });

  it('refuses a value that is not text', () => {
    expect(reasons(42).some((r) => r.includes('must be text'))).toBe(true);
  });
});
