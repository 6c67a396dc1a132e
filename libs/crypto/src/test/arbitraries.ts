import fc from 'fast-check';

import { residentIdCheckChar } from '../masking/resident-id';

/** Exactly `length` ASCII digits; much cheaper to generate than fc.stringMatching. */
function digits(length: number): fc.Arbitrary<string> {
  return fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((values) => values.join(''));
}

/** Valid 18-character resident ID numbers (province code, real birth date, check character), for property tests. */
export const residentIdArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('11', '31', '44', '51', '65'),
    digits(4),
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    digits(3),
  )
  .map(([province, area, birth, sequence]) => {
    const first17 = `${province}${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
    return `${first17}${residentIdCheckChar(first17)}`;
  });

export const mobileArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

/** Appends the Luhn check digit to a digit string. */
export function withLuhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${String((10 - (sum % 10)) % 10)}`;
}

export const bankCardArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('62', '4', '51', '37'), fc.integer({ min: 13, max: 19 }))
  .chain(([prefix, length]) =>
    digits(length - prefix.length - 1).map((body) => withLuhnDigit(`${prefix}${body}`)),
  );
