import { guardianMatches } from './guardian-match';

describe(guardianMatches.name, () => {
  const stored = { name: '王大明', idNumber: '11010819850301891X' };

  it('should accept the same name and number, whatever the case of the check character', () => {
    expect(guardianMatches(stored, { name: '王大明', idNumber: '11010819850301891x' })).toBe(true);
  });

  it('should compare names in NFC form', () => {
    const decomposed = { name: 'Zoe\u0301', idNumber: stored.idNumber };
    expect(guardianMatches({ name: 'Zoé', idNumber: stored.idNumber }, decomposed)).toBe(true);
  });

  it('should refuse another name or another number', () => {
    expect(guardianMatches(stored, { name: '王二明', idNumber: stored.idNumber })).toBe(false);
    expect(guardianMatches(stored, { name: stored.name, idNumber: '110108198503018910' })).toBe(false);
    expect(guardianMatches(stored, { name: '', idNumber: '' })).toBe(false);
  });
});
