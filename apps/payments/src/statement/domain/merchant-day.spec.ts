import {
  merchantDateOf,
  merchantDay,
  merchantHourOf,
  parseStatementDate,
  previousMerchantDate,
} from './merchant-day';

describe('merchant day', () => {
  it('should accept only real calendar days', () => {
    expect(parseStatementDate('2026-02-28')).toBe('2026-02-28');
    for (const bad of ['2026-02-30', '2026-2-1', '20260201', '2026-13-01', ''])
      expect(parseStatementDate(bad)).toBeUndefined();
  });

  it('should bound a Beijing day in UTC', () => {
    expect(merchantDay('2026-12-06')).toEqual({
      date: '2026-12-06',
      start: new Date('2026-12-05T16:00:00.000Z'),
      end: new Date('2026-12-06T16:00:00.000Z'),
    });
  });

  it('should place a moment in its Beijing day and hour', () => {
    expect(merchantDateOf(new Date('2026-12-06T15:59:59.999Z'))).toBe('2026-12-06');
    expect(merchantDateOf(new Date('2026-12-06T16:00:00.000Z'))).toBe('2026-12-07');
    expect(previousMerchantDate(new Date('2026-12-06T16:30:00.000Z'))).toBe('2026-12-06');
    expect(merchantHourOf(new Date('2026-12-06T02:00:00.000Z'))).toBe(10);
  });
});
