import { canonicalLogin, loginKindOf } from './contact';

describe(canonicalLogin.name, () => {
  it('should give every way of writing one mainland mobile the same form', () => {
    const forms = ['13912345678', ' +86 139-1234-5678 ', '0086 139 1234 5678', '＋８６13912345678'].map(
      canonicalLogin,
    );

    expect(new Set(forms)).toEqual(new Set(['+8613912345678']));
  });

  it('should lower-case email addresses and user names, and tell the kinds apart', () => {
    expect(canonicalLogin(' Li.Ming@Example.COM ')).toBe(canonicalLogin('li.ming@example.com'));
    expect(canonicalLogin('  ZhangSan ')).toBe('zhangsan');
    expect(['a@b.cn', '13912345678', 'zhangsan'].map(loginKindOf)).toEqual(['email', 'phone', 'username']);
  });
});
