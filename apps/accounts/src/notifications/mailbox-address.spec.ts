import { TestClock } from '@exam/testing';

import { DevMailbox } from './dev-mailbox';
import { mailboxAddressOf } from './mailbox-address';

describe(mailboxAddressOf.name, () => {
  it.each([
    '13800138000',
    '+86 138 0013 8000',
    '+8613800138000',
    '138-0013-8000',
    '008613800138000',
    ' 86 138 0013 8000',
    '(138) 0013 8000',
  ])('should file the phone number written %p under +8613800138000', (typed) => {
    expect(mailboxAddressOf(typed)).toBe('+8613800138000');
  });

  it('should compare emails case-insensitively, ignoring surrounding blanks', () => {
    expect(mailboxAddressOf('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it('should keep anything else as typed, so it never matches a real recipient by accident', () => {
    expect(mailboxAddressOf(' 12345 ')).toBe('12345');
    expect(mailboxAddressOf('+44 20 7946 0000')).toBe('+44 20 7946 0000');
  });
});

describe(DevMailbox.name, () => {
  it('should find the messages of a recipient by any form of the address, newest first', async () => {
    const sut = new DevMailbox(new TestClock());
    await sut.send({ channel: 'sms', to: '+8613800138000', subject: 'Code', text: 'first 111111' });
    await sut.send({ channel: 'email', to: 'ada@example.com', subject: 'Code', text: 'mail 222222' });
    await sut.send({ channel: 'sms', to: '+8613800138000', subject: 'Code', text: 'second 333333' });

    for (const form of ['13800138000', '+86 138 0013 8000', '+8613800138000', '138-0013-8000']) {
      expect(sut.messagesTo(form).map((m) => m.text)).toEqual(['second 333333', 'first 111111']);
    }
    expect(sut.messagesTo('ADA@Example.com').map((m) => m.text)).toEqual(['mail 222222']);
    expect(sut.messagesTo('13900139000')).toEqual([]);
  });
});
