import fc from 'fast-check';

import { bankCardArbitrary, mobileArbitrary, residentIdArbitrary } from '../test/arbitraries';
import { maskAddress, maskBankCard, maskEmail, maskIdNumber, maskIp, maskName, maskPhone } from './mask';

const anyText = fc.string({ unit: 'grapheme-composite', maxLength: 40 });

describe(maskIdNumber.name, () => {
  it.each([
    ['11010519491231002X', '1****************X'],
    ['110105491231002', '1*************2'],
    [' 11010519491231002x ', '1****************x'],
    ['12345', '*****'],
    ['', ''],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it('should keep only the first and last character of any ID number', () => {
    fc.assert(
      fc.property(residentIdArbitrary, (id) => {
        const masked = maskIdNumber(id);
        return masked.length === id.length && masked === `${id.charAt(0)}${'*'.repeat(16)}${id.charAt(17)}`;
      }),
    );
  });
});

describe(maskPhone.name, () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['+86 13812345678', '+86138****5678'],
    ['138 1234 5678', '138******5678'],
    ['010-65529988', '010*****9988'],
    ['65529988', '******88'],
    ['110', '***'],
    ['', ''],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('should hide the middle four digits of every mobile', () => {
    fc.assert(
      fc.property(
        mobileArbitrary,
        (mobile) => maskPhone(mobile) === `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
      ),
    );
  });
});

describe(maskEmail.name, () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['Zhang.San+exam@mail.example.cn', 'Z***@mail.example.cn'],
    ['z@example.com', '****@example.com'],
    ['"a@b"@example.com', '"***@example.com'],
    ['no-at-sign', '***'],
    ['@example.com', '***'],
    ['user@', '***'],
    ['', '***'],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('should keep exactly the first character of the local part and the domain', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const at = email.lastIndexOf('@');
        const local = Array.from(email.slice(0, at));
        const head = local.length >= 2 ? (local[0] ?? '') : '*';
        return maskEmail(email) === `${head}***${email.slice(at)}`;
      }),
    );
  });
});

describe(maskName.name, () => {
  it.each([
    ['张小明', '**明'],
    ['张三', '*三'],
    ['明', '*'],
    ['欧阳娜娜', '***娜'],
    ['阿卜杜拉·买买提', '*******提'],
    ['John Smith', '*********h'],
    ['𠮷野', '*野'],
    ['  王五 ', '*五'],
    ['', ''],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe(maskBankCard.name, () => {
  it.each([
    ['6222021234567890123', '**** **** **** 0123'],
    ['4111 1111 1111 1234', '**** **** **** 1234'],
    ['4111-1111-1111-1234', '**** **** **** 1234'],
    ['12345678', '**** **** **** ****'],
    ['', '**** **** **** ****'],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskBankCard(input)).toBe(expected);
  });

  it('should show exactly the last four digits of every card', () => {
    fc.assert(
      fc.property(bankCardArbitrary, (card) => maskBankCard(card) === `**** **** **** ${card.slice(-4)}`),
    );
  });
});

describe(maskAddress.name, () => {
  it.each([
    ['广东省深圳市南山区科技园路1号', '广东省深圳市'],
    ['北京市朝阳区建国路88号', '北京市'],
    ['上海浦东新区世纪大道100号', '上海'],
    ['新疆维吾尔自治区乌鲁木齐市天山区', '新疆维吾尔自治区乌鲁木齐市'],
    ['湖北省恩施土家族苗族自治州恩施市', '湖北省恩施土家族苗族自治州'],
    ['深圳市南山区粤海街道', '深圳市'],
    ['湖南省长沙县星沙镇开元东路', '湖南省'],
    ['湖南省长沙县黄花镇市场路', '湖南省'],
    ['香港特别行政区九龙', '香港特别行政区'],
    ['221B Baker Street, London', '****'],
    ['', '****'],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
});

describe(maskIp.name, () => {
  it.each([
    ['203.0.113.54', '203.0.113.*'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3:*'],
    ['::1', '0:0:0:*'],
    ['::ffff:203.0.113.54', '::ffff:203.0.113.*'],
    ['not an ip', '***'],
    ['999.1.1.1', '***'],
  ])('should mask %j as %j', (input, expected) => {
    expect(maskIp(input)).toBe(expected);
  });

  it('should keep only the /24 of every IPv4 address', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => maskIp(ip) === `${ip.split('.').slice(0, 3).join('.')}.*`));
  });
});

describe('masking', () => {
  const masks = [maskIdNumber, maskPhone, maskEmail, maskName, maskBankCard, maskAddress, maskIp];

  it.each(masks.map((mask) => [mask.name, mask] as const))(
    '%s should be idempotent on any input',
    (_name, mask) => {
      fc.assert(
        fc.property(
          fc.oneof(anyText, fc.ipV6(), fc.emailAddress(), residentIdArbitrary, mobileArbitrary),
          (value) => mask(mask(value)) === mask(value),
        ),
      );
    },
  );

  it.each([
    [maskIdNumber.name, maskIdNumber, residentIdArbitrary, 2],
    [maskPhone.name, maskPhone, mobileArbitrary, 7],
    [maskBankCard.name, maskBankCard, bankCardArbitrary, 4],
  ] as const)('%s should never reveal more than its kept characters', (_name, mask, arbitrary, kept) => {
    fc.assert(fc.property(arbitrary, (value) => mask(value).replace(/[*\s]/g, '').length <= kept));
  });
});
