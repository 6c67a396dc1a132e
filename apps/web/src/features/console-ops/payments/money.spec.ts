import { formatFen, yuanToFen } from './money';

describe('money', () => {
  it('reads yuan as whole fen', () => {
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen(' 12.5 ')).toBe(1250);
    expect(yuanToFen('0.05')).toBe(5);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('shows fen as yuan with two decimals', () => {
    expect(formatFen(1250, 'zh-CN')).toBe('¥12.50');
    expect(formatFen(5, 'en')).toBe('CN¥0.05');
  });
});
