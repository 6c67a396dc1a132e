import { formatFen, isFree, yuanOf } from './money';

describe('money (fen to yuan)', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [12_345, '¥123.45'],
    [123_456_789, '¥1,234,567.89'],
    [-250, '-¥2.50'],
  ])('should show %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('should never use floating point for the cents', () => {
    expect(yuanOf(1_999)).toBe('19.99');
    expect(yuanOf(1_005)).toBe('10.05');
  });

  it('should refuse a fractional amount of fen', () => {
    expect(() => yuanOf(1.5)).toThrow(RangeError);
  });

  it('should call nothing to pay free', () => {
    expect(isFree(0)).toBe(true);
    expect(isFree(1)).toBe(false);
  });
});
