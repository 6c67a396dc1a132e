import fc from 'fast-check';

import { serializeMaskedJson, textMayContainSensitiveNumber } from './masked-json';
import { Sensitive } from './sensitive.decorator';

const ID = '11010519491231002X';

class CandidateDto {
  @Sensitive('idNumber') idNumber = ID;
}

describe(textMayContainSensitiveNumber.name, () => {
  it.each([
    ['an ID number in a string', `{"id":"${ID}"}`, true],
    ['a grouped card', '{"card":"4111 1111 1111 1111"}', true],
    ['a card grouped after a longer digit run', '{"x":"91234 4111 1111 1111 1111"}', true],
    ['hex ids full of digits', '{"id":"a1381234567890123456789f","hash":"deadbeef13812345678"}', false],
    ['a millisecond timestamp', '{"at":1718236800000}', false],
    ['dates and short numbers', '{"at":"2024-06-13T12:34:56.789Z","n":12345}', false],
  ])('should judge %s as %s', (_case, text, expected) => {
    expect(textMayContainSensitiveNumber(text)).toBe(expected);
  });

  it('should never be fooled by UUIDs, whatever their digits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uuid(), { maxLength: 20 }),
        (ids) => !textMayContainSensitiveNumber(JSON.stringify(ids)),
      ),
    );
  });
});

describe(serializeMaskedJson.name, () => {
  it('should equal JSON.stringify for a clean body', () => {
    const body = { a: [1, 'two', { three: null }], at: new Date(0) };

    expect(serializeMaskedJson(body)).toEqual({ json: JSON.stringify(body), leaks: [] });
  });

  it('should mask DTOs during serialization and strings found by the safety net', () => {
    const { json, leaks } = serializeMaskedJson({ candidate: new CandidateDto(), note: 'call 13812345678' });

    expect(json).toBe('{"candidate":{"idNumber":"1****************X"},"note":"call 138****5678"}');
    expect(leaks).toEqual([{ path: '$.note', kinds: ['phone'] }]);
  });

  it('should leave numbers alone: only strings are masked', () => {
    const body = { phone: 13812345678 };

    expect(serializeMaskedJson(body)).toEqual({ json: JSON.stringify(body), leaks: [] });
  });

  it('should return undefined for what JSON.stringify cannot serialize', () => {
    expect(serializeMaskedJson(undefined).json).toBeUndefined();
  });
});
