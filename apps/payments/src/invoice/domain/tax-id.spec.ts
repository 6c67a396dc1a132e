import { checkUnifiedSocialCreditCode, taxIdCheckCharacter } from './tax-id';

describe('checkUnifiedSocialCreditCode', () => {
  it.each(['91350100M000100Y43', '914403001922038216', '91110000802100433B'])(
    'should accept the published code %s',
    (code) => {
      expect(checkUnifiedSocialCreditCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it('should normalize lower case and blanks around the code', () => {
    expect(checkUnifiedSocialCreditCode(' 91110000802100433b ')).toEqual({
      ok: true,
      value: '91110000802100433B',
    });
  });

  it('should refuse a wrong length and say how many characters there are', () => {
    const result = checkUnifiedSocialCreditCode('9135010000100Y43');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain('has 16');
  });

  it.each([
    ['I', '91350100M000100I43'],
    ['O', '9135O100M000100Y43'],
    ['-', '91350100-000100Y43'],
  ])('should refuse the letter %s, naming its position', (letter, code) => {
    const result = checkUnifiedSocialCreditCode(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(`("${letter}")`);
  });

  it('should refuse letters in the region code', () => {
    const code = '91A50100M000100Y4';
    const result = checkUnifiedSocialCreditCode(code + taxIdCheckCharacter(code));
    expect(!result.ok && result.reason).toContain('region code');
  });

  it('should refuse a wrong check character and every single-character typo of a valid code', () => {
    const valid = '914403001922038216';
    expect(checkUnifiedSocialCreditCode('914403001922038217').ok).toBe(false);
    for (let i = 0; i < 17; i += 1) {
      const swapped = valid.charAt(i) === '1' ? '2' : '1';
      const typo = valid.slice(0, i) + swapped + valid.slice(i + 1);
      expect(checkUnifiedSocialCreditCode(typo).ok).toBe(false);
    }
  });
});
