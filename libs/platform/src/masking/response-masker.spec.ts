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

  greet(): string {
    return `hi ${this.name}`;
  }
}

class StudentDto extends PersonDto {
  @Sensitive('idNumber') idNumber = ID;
  @Sensitive('bankCard') card = CARD;
}

describe(maskResponseBody.name, () => {
  it('should mask declared fields of nested and inherited DTOs', () => {
    const { body } = maskResponseBody([new StudentDto()]);

    expect(JSON.parse(JSON.stringify(body))).toEqual([
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
  });

  it('should keep the prototype of copied DTOs and leave the originals untouched', () => {
    const original = new StudentDto();

    const { body } = maskResponseBody(original);

    expect(body).toBeInstanceOf(StudentDto);
    expect((body as StudentDto).greet()).toBe('hi **明');
    expect(original.idNumber).toBe(ID);
    expect(original.address.line).toBe('广东省深圳市南山区科技园路1号');
  });

  it('should only run the detectors on plain objects, which carry no declarations', () => {
    const { body, leaks } = maskResponseBody({ name: '张小明', email: 'a@b.cn', id: ID, nested: { list: ['x', `tel:13812345678`] } });

    expect(body).toEqual({ name: '张小明', email: 'a@b.cn', id: '1****************X', nested: { list: ['x', 'tel:138****5678'] } });
    expect(leaks).toEqual([
      { path: '$.id', kinds: ['idNumber'] },
      { path: '$.nested.list[]', kinds: ['phone'] },
    ]);
  });

  it('should mask a bare string body', () => {
    expect(maskResponseBody(`id ${ID}`)).toEqual({ body: 'id 1****************X', leaks: [{ path: '$', kinds: ['idNumber'] }] });
  });

  it('should follow toJSON like JSON.stringify does', () => {
    const body = { toJSON: () => ({ id: ID }) };

    expect(maskResponseBody(body).body).toEqual({ id: '1****************X' });
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

  it('should leave nothing detectable in the serialized result', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(ID, '13812345678', CARD, 'text', '12345'), { maxLength: 5 }), (values) => {
        const { body } = maskResponseBody({ values, joined: values.join(' ') });
        const text = JSON.stringify(body);
        return !text.includes(ID) && !text.includes('13812345678') && !text.includes(CARD);
      }),
    );
  });
});
