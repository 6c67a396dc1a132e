import { calendarDateIn, formatDate, parseIsoDate } from './calendar-date';
import { adultOn } from './resident-id-number';

describe('calendar dates', () => {
  it('should take the China calendar date, which starts 8 hours before UTC midnight', () => {
    expect(calendarDateIn(new Date('2026-11-26T15:59:59Z'))).toEqual({ year: 2026, month: 11, day: 26 });
    expect(calendarDateIn(new Date('2026-11-26T16:00:00Z'))).toEqual({ year: 2026, month: 11, day: 27 });
  });

  it('should parse only real ISO dates and format them back', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2023-2-28')).toBeUndefined();
    expect(formatDate({ year: 2016, month: 5, day: 1 })).toBe('2016-05-01');
  });
});

describe(adultOn.name, () => {
  it('should be the 18th birthday, or 1 March for 29 February birthdays in common years', () => {
    expect(adultOn({ year: 2016, month: 5, day: 1 })).toEqual({ year: 2034, month: 5, day: 1 });
    expect(adultOn({ year: 2008, month: 2, day: 29 })).toEqual({ year: 2026, month: 3, day: 1 });
    expect(adultOn({ year: 2004, month: 2, day: 29 })).toEqual({ year: 2022, month: 3, day: 1 });
    expect(adultOn({ year: 1996, month: 2, day: 29 })).toEqual({ year: 2014, month: 3, day: 1 });
  });
});
