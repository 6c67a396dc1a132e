import { Sensitive, sensitiveFieldsOf, withSensitiveMasking } from './sensitive.decorator';

class BaseDto {
  @Sensitive('name') name = '张小明';
}

class ChildDto extends BaseDto {
  @Sensitive('phone') phone = '13812345678';
  note = 'hello';
}

class OwnJsonDto {
  @Sensitive('phone') phone = '13812345678';
  toJSON(): unknown {
    return { custom: true };
  }
}

describe(Sensitive.name, () => {
  it('should merge declarations along the class chain', () => {
    expect([...(sensitiveFieldsOf(ChildDto) ?? [])]).toEqual([
      ['name', 'name'],
      ['phone', 'phone'],
    ]);
    expect(sensitiveFieldsOf(Object)).toBeUndefined();
  });

  it('should serialize masked only inside withSensitiveMasking', () => {
    const dto = new ChildDto();

    expect(JSON.parse(JSON.stringify(dto))).toEqual({ name: '张小明', phone: '13812345678', note: 'hello' });
    expect(JSON.parse(withSensitiveMasking(() => JSON.stringify({ dto })))).toEqual({
      dto: { name: '**明', phone: '138****5678', note: 'hello' },
    });
  });

  it('should leave a class with its own toJSON alone', () => {
    expect(withSensitiveMasking(() => JSON.stringify(new OwnJsonDto()))).toBe('{"custom":true}');
  });
});
