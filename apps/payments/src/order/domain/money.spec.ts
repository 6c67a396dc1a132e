import { fenToYuan, MAX_AMOUNT_FEN, refundableFen, totalFen, yuanToFen } from './money';

describe(totalFen.name, () => {
  it('should add the lines in integer fen', () => {
    expect(
      totalFen([
        { unitPriceFen: 1999, quantity: 3 },
        { unitPriceFen: 1, quantity: 1 },
      ]),
    ).toBe(5998);
  });

  it.each([
    ['a fractional price', [{ unitPriceFen: 10.5, quantity: 1 }]],
    ['a negative price', [{ unitPriceFen: -1, quantity: 1 }]],
    ['a zero quantity', [{ unitPriceFen: 100, quantity: 0 }]],
    ['a total above the maximum', [{ unitPriceFen: MAX_AMOUNT_FEN, quantity: 2 }]],
  ])('should refuse %s', (_label, lines) => {
    expect(totalFen(lines)).toBeUndefined();
  });
});

describe(refundableFen.name, () => {
  it('should leave what was paid minus what is refunded or being refunded, never below zero', () => {
    expect(refundableFen(1000, 300)).toBe(700);
    expect(refundableFen(1000, 1000)).toBe(0);
    expect(refundableFen(1000, 1200)).toBe(0);
  });
});

describe('yuan strings', () => {
  it('should convert fen to two-decimal yuan and back without floats', () => {
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('12')).toBe(1200);
  });

  it.each(['-1.00', '1.001', '1e3', ' 1.00', '', '0x10'])('should refuse %p', (text) => {
    expect(yuanToFen(text)).toBeUndefined();
  });
});
