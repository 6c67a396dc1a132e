import { optionalAnalyticsAllowedBy } from './privacy-signals';

describe(optionalAnalyticsAllowedBy.name, () => {
  it.each([
    ['no signal', {}, true],
    ['DNT: 1', { dnt: '1' }, false],
    ['Sec-GPC: 1', { 'sec-gpc': '1' }, false],
    ['both', { dnt: '1', 'sec-gpc': '1' }, false],
    ['DNT with spaces', { dnt: ' 1 ' }, false],
    ['DNT: 0 (tracking allowed)', { dnt: '0' }, true],
    ['an unknown DNT value', { dnt: 'yes' }, true],
    ['Sec-GPC: 0', { 'sec-gpc': '0' }, true],
    ['a repeated header with one 1', { dnt: ['0', '1'] }, false],
  ])('should answer for %s', (_label, headers, expected) => {
    expect(optionalAnalyticsAllowedBy(headers)).toBe(expected);
  });
});
