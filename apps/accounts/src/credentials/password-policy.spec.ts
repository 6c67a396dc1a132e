import { assertAcceptablePassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('should accept a long uncommon password', () => {
    expect(passwordProblems('Correct-Horse-Battery-9', { identifiers: ['+8613912345678'] })).toEqual([]);
  });

  it('should count characters, not bytes', () => {
    expect(passwordProblems('考试平台安全密码好', { identifiers: [] })).toEqual([]);
  });

  it('should refuse short, common and personal passwords with actionable reasons', () => {
    expect(passwordProblems('abc', { identifiers: [] })).toEqual(['use at least 8 characters']);
    expect(passwordProblems('Woaini1314', { identifiers: [] })[0]).toContain('most common');
    expect(passwordProblems('xx13912345678', { identifiers: ['+8613912345678'] })[0]).toContain(
      'phone number',
    );
    expect(passwordProblems('alice2024!!', { identifiers: ['alice'] })[0]).toContain('user name');
  });

  it('should throw a 400-kind error naming the password field', () => {
    let thrown: unknown;
    try {
      assertAcceptablePassword('123456', { identifiers: [] });
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'ACCOUNT.WEAK_PASSWORD',
      kind: 'invalid',
      details: [{ field: 'password' }, { field: 'password' }],
    });
  });
});
