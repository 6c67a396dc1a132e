import { getMetadataStorage } from 'class-validator';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it); only what the generator writes. */
export type JsonSchema = { [key: string]: unknown };

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

type Ctor = abstract new (...args: never[]) => unknown;

/** Where descriptions come from (JSDoc of the sources when they are at hand); absent means none. */
export interface DescriptionSource {
  classDoc(className: string): string | undefined;
  memberDoc(className: string, member: string): string | undefined;
}

export const NO_DESCRIPTIONS: DescriptionSource = {
  classDoc: () => undefined,
  memberDoc: () => undefined,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCtor(value: unknown): value is Ctor {
  return typeof value === 'function';
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export function validationRulesOf(dto: unknown): readonly ValidationMetadata[] {
  if (!isCtor(dto)) return [];
  return getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
}

/** Whether a class carries class-validator rules (a DTO the ValidationPipe checks). */
export function isValidatedDto(type: unknown): type is Ctor {
  return validationRulesOf(type).length > 0;
}

function formatValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return (value as unknown[]).map(formatValue).join(', ');
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'function') return value.name === '' ? 'fn' : value.name;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

function ruleName(metadata: ValidationMetadata): string {
  return (
    metadata.name ??
    getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls).at(0)?.name ??
    metadata.constraintCls.name
  );
}

/** The rule as class-validator names it, with its arguments: `isLength(2, 128)`, `each isIn("a", "b")`. */
function ruleText(metadata: ValidationMetadata): string {
  let rule: string;
  switch (metadata.type) {
    case 'conditionalValidation':
      rule = isOptionalRule(metadata) ? 'isOptional' : 'validateIf(…)';
      break;
    case 'nestedValidation':
      rule = 'nested';
      break;
    case 'whitelistValidation':
      rule = 'allow';
      break;
    case 'customValidation': {
      const args = list(metadata.constraints)
        .filter(
          (c) =>
            c !== undefined &&
            !(isRecord(c) && !Array.isArray(c) && !(c instanceof RegExp) && Object.keys(c).length === 0),
        )
        .map(formatValue);
      const name = ruleName(metadata);
      rule = args.length > 0 ? `${name}(${args.join(', ')})` : name;
      break;
    }
    default:
      rule = metadata.type;
  }
  return metadata.each ? `each ${rule}` : rule;
}

function isOptionalRule(metadata: ValidationMetadata): boolean {
  return metadata.type === 'conditionalValidation' && metadata.name === 'isOptional';
}

function numberArg(metadata: ValidationMetadata, index: number): number | undefined {
  const value = list(metadata.constraints)[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Applies one class-validator rule to the schema of the value (or of each item) it checks. */
function applyRule(schema: JsonSchema, metadata: ValidationMetadata): void {
  if (metadata.type !== 'customValidation') return;
  const constraints = list(metadata.constraints);
  switch (ruleName(metadata)) {
    case 'isString':
      schema.type = 'string';
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isNumber':
      schema.type = 'number';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'isArray':
      schema.type = 'array';
      break;
    case 'isObject':
      schema.type = 'object';
      break;
    case 'isLength': {
      const min = numberArg(metadata, 0);
      const max = numberArg(metadata, 1);
      if (min !== undefined) schema.minLength = min;
      if (max !== undefined) schema.maxLength = max;
      break;
    }
    case 'minLength':
      if (numberArg(metadata, 0) !== undefined) schema.minLength = numberArg(metadata, 0);
      break;
    case 'maxLength':
      if (numberArg(metadata, 0) !== undefined) schema.maxLength = numberArg(metadata, 0);
      break;
    case 'isNotEmpty':
      if (schema.type === 'string' || schema.type === undefined) schema.minLength ??= 1;
      break;
    case 'min':
      if (numberArg(metadata, 0) !== undefined) schema.minimum = numberArg(metadata, 0);
      break;
    case 'max':
      if (numberArg(metadata, 0) !== undefined) schema.maximum = numberArg(metadata, 0);
      break;
    case 'isPositive':
      schema.exclusiveMinimum = 0;
      break;
    case 'matches': {
      const [pattern, modifiers] = constraints;
      if (pattern instanceof RegExp) {
        schema.pattern = pattern.source;
        if (pattern.flags !== '') schema['x-pattern-flags'] = pattern.flags;
      } else if (typeof pattern === 'string') {
        schema.pattern = pattern;
        if (typeof modifiers === 'string' && modifiers !== '') schema['x-pattern-flags'] = modifiers;
      }
      break;
    }
    case 'isIn': {
      const values = list(constraints[0]);
      schema.enum = [...values];
      if (values.length > 0 && values.every((v) => typeof v === 'string')) schema.type ??= 'string';
      break;
    }
    case 'isEnum': {
      const entity = constraints[0];
      if (isRecord(entity)) {
        // A numeric TypeScript enum maps names to values and back; keep the values.
        const values = Object.entries(entity)
          .filter(([key]) => !/^\d+$/.test(key))
          .map(([, value]) => value);
        schema.enum = values;
      }
      break;
    }
    case 'isUuid':
      schema.type ??= 'string';
      schema.format = 'uuid';
      break;
    case 'isIso8601':
    case 'isDateString':
      schema.type ??= 'string';
      schema.format = 'date-time';
      break;
    case 'isEmail':
      schema.type ??= 'string';
      schema.format = 'email';
      break;
    case 'isUrl':
      schema.type ??= 'string';
      schema.format = 'uri';
      break;
    case 'isJwt':
      schema.type ??= 'string';
      schema.contentMediaType = 'application/jwt';
      break;
    case 'isBase64':
      schema.type ??= 'string';
      schema.contentEncoding = 'base64';
      break;
    case 'arrayMinSize':
    case 'arrayNotEmpty':
      schema.minItems = numberArg(metadata, 0) ?? 1;
      break;
    case 'arrayMaxSize':
      if (numberArg(metadata, 0) !== undefined) schema.maxItems = numberArg(metadata, 0);
      break;
    case 'arrayUnique':
      schema.uniqueItems = true;
      break;
    default:
      break;
  }
}

function baseType(designType: unknown): string | undefined {
  if (!isCtor(designType)) return undefined;
  switch (designType.name) {
    case 'String':
      return 'string';
    case 'Number':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Array':
      return 'array';
    default:
      return undefined;
  }
}

/** How a DTO property is asked for: always, never necessarily, or depending on other fields (`@ValidateIf`). */
export type Presence = 'required' | 'optional' | 'conditional';

/**
 * The component schemas of the validated DTOs a document references, named after their classes. Built from
 * class-validator's metadata: the swagger CLI plugin is not part of this build, so `@ApiProperty` metadata
 * does not exist, and the validation rules are the truth the ValidationPipe enforces anyway.
 */
export class DtoSchemas {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly names = new Map<Ctor, string>();

  constructor(private readonly docs: DescriptionSource = NO_DESCRIPTIONS) {}

  /** `{ $ref }` to the DTO's component schema, registering it (and its nested DTOs) on first use. */
  ref(dto: Ctor): JsonSchema {
    return { $ref: `#/components/schemas/${this.register(dto)}` };
  }

  /** The properties of a DTO (e.g. for query parameters), each with its schema and presence. */
  properties(dto: Ctor): { name: string; schema: JsonSchema; presence: Presence }[] {
    const rules = validationRulesOf(dto);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of rules) {
      const bucket = byProperty.get(m.propertyName) ?? [];
      bucket.push(m);
      byProperty.set(m.propertyName, bucket);
    }
    const prototype: unknown = dto.prototype;
    return [...byProperty].map(([property, entries]) => {
      // Decorators run bottom-up; reversed, the rules read in source order.
      const ordered = [...entries].reverse();
      const designType: unknown = isRecord(prototype)
        ? Reflect.getMetadata('design:type', prototype, property)
        : undefined;
      const presence: Presence = ordered.some((m) => m.type === 'conditionalValidation' && !isOptionalRule(m))
        ? 'conditional'
        : ordered.some(isOptionalRule)
          ? 'optional'
          : 'required';
      const schema = this.propertySchema(designType, ordered);
      const doc = this.docs.memberDoc(dto.name, property);
      if (doc !== undefined) schema.description = doc;
      if (presence === 'conditional') schema['x-validate-if'] = true;
      return { name: property, schema, presence };
    });
  }

  /** Every registered component schema, by name. */
  all(): Record<string, JsonSchema> {
    return Object.fromEntries(this.schemas);
  }

  private register(dto: Ctor): string {
    const known = this.names.get(dto);
    if (known !== undefined) return known;
    let name = dto.name;
    for (let n = 2; this.schemas.has(name); n += 1) name = `${dto.name}${n}`;
    this.names.set(dto, name);
    this.schemas.set(name, {});
    const properties = this.properties(dto);
    const schema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(properties.map((p) => [p.name, p.schema])),
      additionalProperties: false,
    };
    const required = properties.filter((p) => p.presence === 'required').map((p) => p.name);
    if (required.length > 0) schema.required = required;
    const doc = this.docs.classDoc(dto.name);
    if (doc !== undefined) schema.description = doc;
    this.schemas.set(name, schema);
    return name;
  }

  private propertySchema(designType: unknown, rules: readonly ValidationMetadata[]): JsonSchema {
    const schema: JsonSchema = {};
    const type = baseType(designType);
    if (type !== undefined) schema.type = type;
    const items: JsonSchema = {};
    for (const m of rules) {
      if (m.type === 'nestedValidation') {
        const nested = isCtor(designType) && designType !== Array && designType !== Object;
        if (m.each || !nested) items.type ??= 'object';
        else Object.assign(schema, this.ref(designType));
        continue;
      }
      applyRule(m.each ? items : schema, m);
    }
    if (Object.keys(items).length > 0) {
      schema.type = 'array';
      schema.items = items;
    }
    const validators = rules.filter((m) => !isOptionalRule(m)).map(ruleText);
    if (validators.length > 0) schema['x-validators'] = validators;
    if (typeof schema.$ref === 'string') delete schema.type;
    return schema;
  }
}

/** The schema of a single route argument (`@Param('id', ParseUUIDPipe)`, `@Query('limit')`) from its pipes. */
export function scalarSchema(designType: unknown, pipes: readonly unknown[]): JsonSchema {
  const schema: JsonSchema = {};
  const type = baseType(designType);
  schema.type = type ?? 'string';
  const names = pipes.map((pipe) =>
    isCtor(pipe) ? pipe.name : isRecord(pipe) && isCtor(pipe.constructor) ? pipe.constructor.name : 'pipe',
  );
  for (const name of names) {
    if (name === 'ParseUUIDPipe') {
      schema.type = 'string';
      schema.format = 'uuid';
    } else if (name === 'ParseIntPipe') schema.type = 'integer';
    else if (name === 'ParseFloatPipe') schema.type = 'number';
    else if (name === 'ParseBoolPipe') schema.type = 'boolean';
    else if (name === 'ParseArrayPipe') schema.type = 'array';
  }
  if (names.length > 0) schema['x-pipes'] = names;
  return schema;
}
