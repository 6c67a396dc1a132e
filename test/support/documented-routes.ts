import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RouteAccess } from '@exam/platform/openapi';

/** A JSON Schema of a documented field, as docs/api/<service>.openapi.json states it. */
export interface FieldSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly items?: FieldSchema;
  readonly format?: string;
  readonly pattern?: string;
  readonly 'x-pattern-flags'?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly 'x-validators'?: readonly string[];
}

/** One documented body or query field: its schema and whether it must, may or sometimes must be sent. */
export interface DocumentedField {
  readonly name: string;
  readonly presence: 'required' | 'optional' | 'conditional';
  readonly schema: FieldSchema;
  /** The fields of a nested DTO (`$ref`), resolved from the document's components. */
  readonly fields?: readonly DocumentedField[];
}

export interface DocumentedRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `{name}` placeholders for path parameters, e.g. `/api/audit/alerts/{id}`. */
  readonly path: string;
  readonly body: readonly DocumentedField[];
  readonly query: readonly DocumentedField[];
  /** Who may call it (`x-access`). */
  readonly access: RouteAccess;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema: FieldSchema & { readonly 'x-validate-if'?: boolean };
}

interface ObjectSchema {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, FieldSchema & { readonly 'x-validate-if'?: boolean }>>;
  readonly required?: readonly string[];
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: {
    readonly content: Readonly<Partial<Record<string, { readonly schema: ObjectSchema }>>>;
  };
  readonly 'x-access': RouteAccess;
}

interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Partial<Record<string, Operation>>>>>;
  readonly components: { readonly schemas: Readonly<Partial<Record<string, ObjectSchema>>> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function openApiDocument(service: string): OpenApiDocument {
  const file = join(__dirname, '..', '..', 'docs', 'api', `${service}.openapi.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

function resolve(document: OpenApiDocument, schema: ObjectSchema): ObjectSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (target === undefined) throw new Error(`${schema.$ref} is not in the document`);
  return target;
}

function objectFields(document: OpenApiDocument, schema: ObjectSchema, depth = 0): DocumentedField[] {
  const object = resolve(document, schema);
  const required = object.required ?? [];
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    presence:
      property['x-validate-if'] === true ? 'conditional' : required.includes(name) ? 'required' : 'optional',
    schema: property,
    ...(property.$ref !== undefined && depth < 4
      ? { fields: objectFields(document, property, depth + 1) }
      : {}),
  }));
}

function bodyFields(document: OpenApiDocument, operation: Operation): DocumentedField[] {
  const schema = operation.requestBody?.content['application/json']?.schema;
  return schema === undefined ? [] : objectFields(document, schema);
}

function queryFields(operation: Operation): DocumentedField[] {
  return (operation.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => ({
      name: p.name,
      presence:
        p.schema['x-validate-if'] === true ? 'conditional' : p.required === true ? 'required' : 'optional',
      schema: p.schema,
    }));
}

/**
 * Every route of a service with its access and documented body and query fields, read from its OpenAPI
 * document (docs/api/<service>.openapi.json). That file is generated from the controllers and DTOs, and
 * test/docs fails when it is stale, so this is the service's real surface.
 */
export function documentedRoutes(service: string): DocumentedRoute[] {
  const document = openApiDocument(service);
  const routes: DocumentedRoute[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      routes.push({
        method: method.toUpperCase() as DocumentedRoute['method'],
        path,
        body: bodyFields(document, operation),
        query: queryFields(operation),
        access: operation['x-access'],
      });
    }
  }
  return routes;
}

/** The path with each `{name}` placeholder replaced by `named[name]`, or else by `value` (URL-encoded). */
export function fillPath(path: string, value: string, named: Readonly<Record<string, string>> = {}): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_placeholder, name: string) =>
    encodeURIComponent(named[name] ?? value),
  );
}

export type Boundary = 'max' | 'min';

const LONGEST_UNBOUNDED = 5000;

/** Realistic values for the patterns the DTOs use; a patterned field gets the first one its pattern accepts. */
const PATTERN_EXAMPLES = [
  '+8613912345678',
  '123456',
  '2026-01-31',
  'accounts.login.attempted',
  'new_device',
  'Candidate_01',
  'device-0123456789abcdef',
  'v2026.11',
  '91350100M000100Y43',
  'A'.repeat(43),
  'accounts-login-0:1:2026-01-01T00:00:00.000Z',
];

function patternExample(schema: FieldSchema): string | undefined {
  if (schema.pattern === undefined) return undefined;
  const pattern = new RegExp(schema.pattern, schema['x-pattern-flags'] ?? '');
  return PATTERN_EXAMPLES.find((example) => pattern.test(example));
}

/**
 * A value at the edge of what the field's documented schema allows: the longest (or shortest) string of 4-byte
 * characters (one character each to a validator, like the rare characters of Chinese names), the largest (or
 * smallest) number, the latest (or earliest) date a DATETIME holds, every (or one) allowed value. Values meant
 * to pass validation and reach the database, where a column narrower than its validator, or a charset that
 * cannot hold them, would otherwise surface as a 500. A nested DTO gets its own fields at the same boundary.
 */
export function boundaryValue(field: DocumentedField, boundary: Boundary): unknown {
  const { schema } = field;
  if (field.fields !== undefined) return boundaryFields(field.fields, boundary);
  if (schema.type === 'array') {
    const allowed = schema.items?.enum;
    if (allowed !== undefined) return boundary === 'max' ? allowed : allowed.slice(0, 1);
    return boundary === 'max' ? Array.from({ length: 50 }, () => '𠀀'.repeat(64)) : [];
  }
  if (schema.enum !== undefined) return boundary === 'max' ? schema.enum.at(-1) : schema.enum[0];
  if (schema.type === 'boolean') return boundary === 'max';
  if (schema.type === 'number' || schema.type === 'integer') {
    const max = schema.maximum ?? 2_147_483_647;
    const min = schema.minimum ?? -2_147_483_648;
    return boundary === 'max' ? max : min;
  }
  if (schema.type !== 'string') return {};
  if (schema.format === 'uuid') return randomUUID();
  const example = patternExample(schema);
  if (example !== undefined) return example;
  if (schema.format === 'date-time')
    return boundary === 'max' ? '9999-12-31T23:59:59.999Z' : '1000-01-01T00:00:00.000Z';
  const size =
    boundary === 'max' ? (schema.maxLength ?? LONGEST_UNBOUNDED) : Math.max(1, schema.minLength ?? 1);
  if (schema.format === 'email') return `${'a'.repeat(Math.max(1, Math.min(64, size - 12)))}@example.org`;
  return '𠀀'.repeat(size);
}

/**
 * A body (or query) with every documented field at the given boundary. Of conditional fields (one of several,
 * like a phone or an email) only the first is sent.
 */
export function boundaryFields(
  fields: readonly DocumentedField[],
  boundary: Boundary,
): Record<string, unknown> {
  const firstConditional = fields.find((f) => f.presence === 'conditional');
  const sent = fields.filter((f) => f.presence !== 'conditional' || f === firstConditional);
  return Object.fromEntries(sent.map((f) => [f.name, boundaryValue(f, boundary)]));
}
