import { Topics } from '@exam/contracts';

import { TopicNamer } from './topic-namer';

describe(TopicNamer.name, () => {
  const sut = new TopicNamer('t1abc.');

  it('should prefix physical, dead-letter and group names', () => {
    expect(sut.physical(Topics.LoginAttempted)).toBe('t1abc.accounts.login.attempted');
    expect(sut.deadLetter(Topics.LoginAttempted)).toBe('t1abc.accounts.login.attempted.dlq');
    expect(sut.consumerGroup('audit')).toBe('t1abc.audit');
  });

  it('should map physical names back to contract topics and ignore foreign ones', () => {
    expect(sut.logical('t1abc.accounts.login.attempted')).toBe(Topics.LoginAttempted);
    expect(sut.logical('other.accounts.login.attempted')).toBeUndefined();
    expect(sut.logical('t1abc.accounts.unknown.thing')).toBeUndefined();
  });
});
