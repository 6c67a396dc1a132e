import { MalformedJsonError, MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

describe(parseStrictJson.name, () => {
  it('should parse ordinary bodies, including brackets inside strings and paired surrogates', () => {
    expect(parseStrictJson('{"name":"[[[{{{","emoji":"\\ud83d\\ude00","list":[1,{"a":[2]}]}')).toEqual({
      name: '[[[{{{',
      emoji: '😀',
      list: [1, { a: [2] }],
    });
  });

  it('should treat an empty body as no body', () => {
    expect(parseStrictJson('  ')).toBeUndefined();
  });

  it('should refuse nesting past the limit before parsing, however deep', () => {
    const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    expect(parseStrictJson(deep(MAX_JSON_DEPTH))).toBeDefined();
    expect(() => parseStrictJson(deep(MAX_JSON_DEPTH + 1))).toThrow(MalformedJsonError);
    expect(() => parseStrictJson(deep(100_000))).toThrow(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('should refuse a lone surrogate in a value or a key, naming where', () => {
    expect(() => parseStrictJson('{"contact":{"email":"a\\ud800@example.com"}}')).toThrow('contact.email');
    expect(() => parseStrictJson('{"list":["ok","\\udc00"]}')).toThrow('list[1]');
    expect(() => parseStrictJson('{"\\ud800":1}')).toThrow('<key>');
  });

  it('should answer malformed JSON as a 400 with the parser reason', () => {
    const error = (() => {
      try {
        parseStrictJson('{"a":');
      } catch (e: unknown) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MalformedJsonError);
    expect((error as MalformedJsonError).statusCode).toBe(400);
  });
});
