import { accountIdsOf } from './account-ids';

describe('pasted account ids', () => {
  it('splits on lines, commas and spaces, dropping blanks and repeats', () => {
    expect(accountIdsOf(' a\nb, c，a\n\n')).toEqual(['a', 'b', 'c']);
    expect(accountIdsOf('')).toEqual([]);
  });
});
