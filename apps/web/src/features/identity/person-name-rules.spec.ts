import { checkPersonName, nameRuleOfCode, normalizePersonName } from './person-name-rules';

describe('checkPersonName (as the identity service applies it)', () => {
  it('accepts Chinese names, rare characters and ethnic-minority names with a middle dot', () => {
    expect(checkPersonName('张三')).toEqual({ valid: true, name: '张三', script: 'han' });
    expect(checkPersonName('𠮷田春')).toMatchObject({ valid: true });
    expect(checkPersonName('阿依古丽・买买提')).toEqual({
      valid: true,
      name: '阿依古丽·买买提',
      script: 'han',
    });
  });

  it('accepts Latin names of foreign residents', () => {
    expect(checkPersonName("  Mary  O'Neil-Smith ")).toEqual({
      valid: true,
      name: "Mary O'Neil-Smith",
      script: 'latin',
    });
  });

  it('says which rule a name breaks', () => {
    expect(checkPersonName('   ')).toEqual({ valid: false, rule: 'empty' });
    expect(checkPersonName('张3')).toEqual({ valid: false, rule: 'characters' });
    expect(checkPersonName('张San')).toEqual({ valid: false, rule: 'mixed_scripts' });
    expect(checkPersonName('·阿依古丽')).toMatchObject({ valid: false, rule: 'separator' });
    expect(checkPersonName('张')).toMatchObject({ valid: false, rule: 'length' });
    expect(checkPersonName('张'.repeat(31))).toMatchObject({ valid: false, rule: 'length' });
  });

  it('folds spaces inside Chinese names and look-alike dots', () => {
    expect(normalizePersonName('王 小 明')).toBe('王小明');
    expect(normalizePersonName('阿依古丽 . 买买提')).toBe('阿依古丽·买买提');
  });

  it('maps the server codes to the same rules', () => {
    expect(nameRuleOfCode('IDENTITY.NAME_MIXED_SCRIPTS')).toBe('mixed_scripts');
    expect(nameRuleOfCode('IDENTITY.ID_NUMBER_LENGTH')).toBeUndefined();
  });
});
