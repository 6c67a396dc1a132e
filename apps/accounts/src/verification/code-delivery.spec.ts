import { codeDestinationOf, codeMessageText } from './code-delivery';

describe('code delivery', () => {
  it('should send codes to the proven phone by SMS, else to the email', () => {
    expect(codeDestinationOf({ phone: '+8613912345678', email: 'a@b.cn' })).toEqual({
      channel: 'sms',
      to: '+8613912345678',
    });
    expect(codeDestinationOf({ phone: null, email: 'a@b.cn' })).toEqual({ channel: 'email', to: 'a@b.cn' });
  });

  it('should say what the code is for, the code, its lifetime in minutes and what to do if unexpected', () => {
    expect(codeMessageText('Your password reset code', '123456', 600)).toBe(
      'Your password reset code is 123456. It expires in 10 minutes. If you did not ask for it, ignore this message.',
    );
  });
});
