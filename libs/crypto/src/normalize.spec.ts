import fc from 'fast-check';

import { CryptoError } from './crypto.errors';
import { normalizeEmail, normalizeFor, normalizeIdNumber, normalizePhone } from './normalize';

const mobile = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.stringMatching(/^[0-9]{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);

describe(normalizeIdNumber.name, () => {
  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['  11010519491231002X\t', '11010519491231002X'],
    ['110105 19491231 002X', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
  ])('should normalize %j', (input, expected) => {
    expect(normalizeIdNumber(input)).toBe(expected);
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (value) => normalizeIdNumber(normalizeIdNumber(value)) === normalizeIdNumber(value),
      ),
    );
  });
});

describe(normalizePhone.name, () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['008613812345678', '+8613812345678'],
    ['+86 (10) 6552 9988', '+861065529988'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('should normalize %j to E.164', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12345', '23812345678', '+86 138 1234 567', '+0123456789', 'phone', '+1234567890123456'])(
    'should refuse %j with CRYPTO.INVALID_INPUT',
    (input) => {
      expect(() => normalizePhone(input)).toThrow(CryptoError);
    },
  );

  it('should map every formatting of a mainland mobile to one E.164 value', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', ' ', '-'),
        fc.constantFrom('', '+86', '0086', '+86 '),
        (number, sep, prefix) => {
          const formatted = `${prefix}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`;
          return normalizePhone(formatted) === `+86${number}`;
        },
      ),
    );
  });

  it('should be idempotent on what it accepts', () => {
    fc.assert(
      fc.property(mobile, (number) => normalizePhone(normalizePhone(number)) === normalizePhone(number)),
    );
  });

  it('should not echo the number in its error', () => {
    expect(() => normalizePhone('99912345678')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('99912345678') as string }) as Error,
    );
  });
});

describe(normalizeEmail.name, () => {
  it('should trim and lower-case', () => {
    expect(normalizeEmail('  Zhang.San@Example.COM ')).toBe('zhang.san@example.com');
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (value) => normalizeEmail(normalizeEmail(value)) === normalizeEmail(value)),
    );
  });
});

describe(normalizeFor.name, () => {
  it('should trim and NFC-normalize text', () => {
    expect(normalizeFor('text', ' Cafe\u0301 ')).toBe('Café');
  });

  it('should refuse a non-string', () => {
    expect(() => normalizeFor('email', 42 as unknown as string)).toThrow(CryptoError);
  });
});
