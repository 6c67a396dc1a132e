import { dataCopyFileName, dataCopyText } from './data-copy-file';

describe('data copy file', () => {
  it('is named by the day only', () => {
    expect(dataCopyFileName('2026-12-07T10:27:38.877Z')).toBe('exam-platform-my-data-2026-12-07.json');
    expect(dataCopyFileName('garbled')).toBe('exam-platform-my-data-copy.json');
  });

  it('is readable JSON', () => {
    expect(JSON.parse(dataCopyText({ a: 1 }))).toEqual({ a: 1 });
    expect(dataCopyText({ a: 1 })).toContain('\n  "a": 1');
  });
});
