import { MAX_REPORT_DAYS, reportRange, shanghaiDay } from './report-range';

describe(reportRange.name, () => {
  it('should turn Shanghai days into UTC instants, both days included', () => {
    const result = reportRange('2026-03-01', '2026-03-03');
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.range.startsAt.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(result.range.endsBefore.toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(result.range.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('should accept one day and a full leap year, and refuse one more', () => {
    expect(reportRange('2026-01-01', '2026-01-01')).toMatchObject({
      ok: true,
      range: { days: ['2026-01-01'] },
    });
    const leap = reportRange('2028-01-01', '2028-12-31');
    expect(leap.ok && leap.range.days.length).toBe(MAX_REPORT_DAYS);
    expect(reportRange('2028-01-01', '2029-01-01')).toEqual({ ok: false, reason: 'too_long' });
  });

  it('should refuse dates that do not exist and reversed ranges', () => {
    expect(reportRange('2026-02-30', '2026-03-01')).toEqual({
      ok: false,
      reason: 'not_a_date',
      field: 'from',
    });
    expect(reportRange('2026-02-01', '2026-13-01')).toEqual({ ok: false, reason: 'not_a_date', field: 'to' });
    expect(reportRange('2026-03-02', '2026-03-01')).toEqual({ ok: false, reason: 'reversed' });
  });

  it('should put an instant on its Shanghai day', () => {
    expect(shanghaiDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });
});
