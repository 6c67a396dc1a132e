import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';

import { parseEnvelope } from './envelope-parser';

function envelope(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}): Buffer {
  const userId = randomUUID();
  return Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      type: Topics.UserRegistered,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'accounts',
      subjectId: userId,
      traceId: 'trace-123456',
      payload: { userId, kind: 'candidate', maskedContact: '138****5678', nickname: 'li', ...payload },
      ...overrides,
    }),
  );
}

describe(parseEnvelope.name, () => {
  it('should accept a valid envelope and return a validated payload', () => {
    const sut = parseEnvelope(Topics.UserRegistered, envelope());
    expect(sut.ok).toBe(true);
  });

  it.each([
    ['empty value', null, 'EVENT.EMPTY'],
    ['non-JSON', Buffer.from('{oops'), 'EVENT.NOT_JSON'],
    ['a JSON array', Buffer.from('[1,2]'), 'EVENT.NOT_OBJECT'],
    ['a missing id', envelope({ id: undefined }), 'EVENT.BAD_ENVELOPE'],
    ['another topic type', envelope({ type: Topics.OrderPaid }), 'EVENT.WRONG_TYPE'],
    ['an unknown version', envelope({ version: 9 }), 'EVENT.UNSUPPORTED_VERSION'],
    ['a bad payload field', envelope({}, { kind: 'robot' }), 'EVENT.BAD_PAYLOAD'],
    ['an unknown payload field', envelope({}, { idNumber: '11010519491231002X' }), 'EVENT.BAD_PAYLOAD'],
  ])('should reject %s with a coded reason', (_label, raw, code) => {
    const sut = parseEnvelope(Topics.UserRegistered, raw);
    expect(sut.ok).toBe(false);
    if (!sut.ok) expect(sut.reason.startsWith(code)).toBe(true);
  });
});
