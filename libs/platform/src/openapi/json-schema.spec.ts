import 'reflect-metadata';

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { DtoSchemas } from './json-schema';

class AddressDto {
  @IsString() @Length(2, 64) city!: string;
}

class SampleDto {
  @IsString() @Length(2, 128) name!: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsIn(['a', 'b']) kind!: 'a' | 'b';
  @ValidateIf((dto: SampleDto) => dto.kind === 'a') @Matches(/^\d{6}$/) code?: string;
  @IsArray() @ArrayMaxSize(3) @IsUUID('all', { each: true }) ids!: string[];
  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}

describe(DtoSchemas.name, () => {
  it('should turn class-validator rules into JSON Schema constraints', () => {
    const sut = new DtoSchemas();

    expect(sut.ref(SampleDto)).toEqual({ $ref: '#/components/schemas/SampleDto' });
    const schemas = sut.all();
    expect(schemas.SampleDto).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['name', 'kind', 'ids'],
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 128 },
        limit: { type: 'integer', minimum: 1, maximum: 200 },
        kind: { type: 'string', enum: ['a', 'b'] },
        code: { type: 'string', pattern: '^\\d{6}$', 'x-validate-if': true },
        ids: { type: 'array', maxItems: 3, items: { type: 'string', format: 'uuid' } },
        address: { $ref: '#/components/schemas/AddressDto' },
      },
    });
    expect(schemas.AddressDto).toMatchObject({
      required: ['city'],
      properties: { city: { type: 'string', minLength: 2, maxLength: 64 } },
    });
  });

  it('should list the rules as class-validator names them', () => {
    const sut = new DtoSchemas();

    const name = sut.properties(SampleDto).find((p) => p.name === 'name');

    expect(name?.schema['x-validators']).toEqual(['isString', 'isLength(2, 128)']);
  });
});
