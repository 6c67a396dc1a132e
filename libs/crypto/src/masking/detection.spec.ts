import fc from 'fast-check';

import { bankCardArbitrary, mobileArbitrary, residentIdArbitrary, withLuhnDigit } from '../test/arbitraries';
import { passesLuhn } from './luhn';
import { isValidResidentId, residentIdCheckChar } from './resident-id';
import {
  findSensitiveNumbers,
  maskSensitiveNumbers,
  mayContainSensitiveNumber,
} from './sensitive-number.detector';

const ID = '11010519491231002X';
const CARD = withLuhnDigit('622202123456789');

describe(isValidResidentId.name, () => {
  it.each([
    ID,
    '11010519491231002x',
    '440308199901010014'.slice(0, 17) + residentIdCheckChar('44030819990101001'),
  ])('should accept %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it.each([
    ['a wrong check character', '110105194912310021'],
    ['an impossible date', `11010519490231002${residentIdCheckChar('11010519490231002')}`],
    ['a birth date in the future', '110105209901010011'],
    ['a birth year before 1900', `11010518991231002${residentIdCheckChar('11010518991231002')}`],
    ['an unknown province', `99010519491231002${residentIdCheckChar('99010519491231002')}`],
    ['15 digits', '110105491231002'],
    ['letters', 'A1010519491231002X'],
  ])('should refuse %s', (_case, id) => {
    expect(isValidResidentId(id)).toBe(false);
  });

  it('should accept every generated ID and refuse it with any other check character', () => {
    fc.assert(
      fc.property(
        residentIdArbitrary,
        fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'),
        (id, other) =>
          isValidResidentId(id) && (other === id[17] || !isValidResidentId(`${id.slice(0, 17)}${other}`)),
      ),
    );
  });
});

describe(passesLuhn.name, () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['', false],
    ['12a4', false],
  ])('should judge %j as %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe(findSensitiveNumbers.name, () => {
  it.each([
    ['an ID number in Chinese text', `身份证号${ID}，请核对`, 'idNumber'],
    ['an ID number with lower-case x', `id: ${ID.toLowerCase()}`, 'idNumber'],
    ['a mobile in text', '联系电话:13812345678。', 'phone'],
    ['a +86 mobile', 'tel +8613812345678', 'phone'],
    ['a grouped mobile', 'call 138-1234-5678 now', 'phone'],
    ['a card', `card=${CARD}`, 'bankCard'],
    ['a grouped card', 'card 4111 1111 1111 1111 ok', 'bankCard'],
  ])('should find %s', (_case, text, kind) => {
    expect(findSensitiveNumbers(text).map((finding) => finding.kind)).toEqual([kind]);
  });

  it.each([
    ['an ID with a wrong check character', 'id 110105194912310021'],
    ['an ID-shaped order number with an impossible date', 'order 110105194913310021'],
    ['an 11-digit run that is not a mobile', 'ref 12812345678'],
    ['a mobile inside a longer digit run', 'order 2024061313812345678901'],
    ['a mobile glued to letters', 'token ab13812345678cd'],
    ['a Luhn-invalid 16-digit number', 'order 4111111111111112'],
    ['a Luhn-valid order number without a card prefix', `order ${withLuhnDigit('202406131234567')}`],
    ['a millisecond timestamp', 'at 1718236800000'],
    ['a UUID', 'id 3f1c2c1e-9f3a-4c7c-9c1e-138123456789'],
    ['a date and time', '2024-06-13 12:34:56'],
    ['masked values', '1****************X 138****5678 **** **** **** 1111'],
  ])('should ignore %s', (_case, text) => {
    expect(findSensitiveNumbers(text)).toEqual([]);
  });

  it('should find every generated ID, mobile and card wherever it stands alone', () => {
    fc.assert(
      fc.property(
        fc.oneof(residentIdArbitrary, mobileArbitrary, bankCardArbitrary),
        fc.string({ maxLength: 5 }).map((s) => s.replace(/[0-9A-Za-z]/g, '')),
        fc.string({ maxLength: 5 }).map((s) => s.replace(/[0-9A-Za-z]/g, '')),
        (value, before, after) => {
          const findings = findSensitiveNumbers(`${before}${value}${after}`);
          return (
            findings.length === 1 &&
            findings[0]?.start === before.length &&
            findings[0].end === before.length + value.length
          );
        },
      ),
    );
  });
});

describe(maskSensitiveNumbers.name, () => {
  it('should mask every finding in place and report the kinds', () => {
    const sut = maskSensitiveNumbers(
      `name 张三 id ${ID} phone 13812345678 card 4111 1111 1111 1111 +8613912345678`,
    );

    expect(sut?.text).toBe(
      'name 张三 id 1****************X phone 138****5678 card **** **** **** 1111 +86139****5678',
    );
    expect(sut?.kinds).toEqual(['idNumber', 'phone', 'bankCard']);
  });

  it('should return undefined when nothing is found', () => {
    expect(maskSensitiveNumbers('nothing to see 12345')).toBeUndefined();
  });

  it('should leave no detectable number behind', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(residentIdArbitrary, mobileArbitrary, bankCardArbitrary, fc.constant('，')), {
          maxLength: 6,
        }),
        (parts) => {
          const masked = maskSensitiveNumbers(parts.join(' '))?.text ?? parts.join(' ');
          return findSensitiveNumbers(masked).length === 0;
        },
      ),
    );
  });
});

describe(mayContainSensitiveNumber.name, () => {
  it.each([
    ['short', false],
    ['no digits in this long text', false],
    ['12 34 56 78 90 12', false],
    ['order 1234 shipped 2024-06-13', false],
    ['eleven digits 12345678901', true],
    ['grouped 138 1234 5678', true],
  ])('should judge %j as %s', (text, expected) => {
    expect(mayContainSensitiveNumber(text)).toBe(expected);
  });
});
