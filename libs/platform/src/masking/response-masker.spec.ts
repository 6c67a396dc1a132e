import fc from 'fast-check';

import { maskResponseBody } from './response-masker';
import { Sensitive } from './sensitive.decorator';

const ID = '11010519491231002X';
const CARD = '4111111111111111';

class AddressDto {
  @Sensitive('address') line = '广东省深圳市南山区科技园路1号';
  @Sensitive('ip') lastLoginIp = '203.0.113.54';
}

class PersonDto {
  @Sensitive('name') name = '张小明';
  @Sensitive('email') email = 'zhangsan@example.com';
  @Sensitive('phone') phones: (string | null)[] = ['13812345678', null];
  address = new AddressDto();
  remark = `card ${CARD}`;
}

class StudentDto extends PersonDto {
  @Sensitive('idNumber') idNumber = ID;
  @Sensitive('bankCard') card = CARD;
}

describe(maskResponseBody.name, () => {
  it('should mask declared fields of nested and inherited DTOs and scan the rest', () => {
    const { body, leaks } = maskResponseBody([new StudentDto()]);

    expect(body).toEqual([
      {
        name: '**明',
        email: 'z***@example.com',
        phones: ['138****5678', null],
        address: { line: '广东省深圳市', lastLoginIp: '203.0.113.*' },
        remark: 'card **** **** **** 1111',
        idNumber: '1****************X',
        card: '**** **** **** 1111',
      },
    ]);
    expect(leaks).toEqual([{ path: '$[].remark', kinds: ['bankCard'] }]);
  });

  it('should leave the original DTOs untouched', () => {
    const original = new StudentDto();

    maskResponseBody(original);

    expect(original.idNumber).toBe(ID);
    expect(original.address.line).toBe('广东省深圳市南山区科技园路1号');
  });

  it('should only run the detectors on plain objects, which carry no declarations', () => {
    const { body, leaks } = maskResponseBody({
      name: '张小明',
      email: 'a@b.cn',
      id: ID,
      nested: { list: ['x', 'tel:13812345678'] },
    });

    expect(body).toEqual({
      name: '张小明',
      email: 'a@b.cn',
      id: '1****************X',
      nested: { list: ['x', 'tel:138****5678'] },
    });
    expect(leaks).toEqual([
      { path: '$.id', kinds: ['idNumber'] },
      { path: '$.nested.list[]', kinds: ['phone'] },
    ]);
  });

  it('should mask a bare string body', () => {
    expect(maskResponseBody(`id ${ID}`)).toEqual({
      body: 'id 1****************X',
      leaks: [{ path: '$', kinds: ['idNumber'] }],
    });
  });

  it('should follow toJSON like JSON.stringify does', () => {
    expect(maskResponseBody({ toJSON: () => ({ id: ID }) }).body).toEqual({ id: '1****************X' });
  });

  it.each([null, undefined, 42, true, new Date(0), Buffer.from('13812345678'), new Map([['k', ID]])])(
    'should pass %p through unchanged',
    (value) => {
      expect(maskResponseBody(value)).toEqual({ body: value, leaks: [] });
    },
  );

  it('should return the same reference for any body without sensitive numbers', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => !/[0-9]{4}/.test(JSON.stringify(value)));

    fc.assert(fc.property(json, (value) => maskResponseBody(value).body === value));
  });
});
