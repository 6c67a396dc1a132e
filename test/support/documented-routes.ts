import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One documented body or query field: its type and validation rules as the API reference prints them. */
export interface DocumentedField {
  readonly name: string;
  readonly type: string;
  readonly presence: 'required' | 'optional' | 'conditional';
  readonly rules: string;
}

export interface DocumentedRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` placeholders for path parameters, e.g. `/api/audit/alerts/:id`. */
  readonly path: string;
  readonly body: readonly DocumentedField[];
  readonly query: readonly DocumentedField[];
  /** As the routes table states it: `public`, `signed in`, `role a / b`, or `a / b of :institutionId`. */
  readonly access: string;
}

const ROUTE_HEADING = /^### (GET|POST|PUT|PATCH|DELETE) (\S+)$/;
const ROUTE_ROW = /^\| (GET|POST|PUT|PATCH|DELETE) \| \[`([^`]+)`\][^|]*\| ([^|]+) \|/;
const FIELD_ROW = /^\| `([A-Za-z0-9_]+)` \| ([^|]+) \| (required|optional|conditional) \| (.*) \|[^|]*\|$/;

/**
 * Every route of a service with its documented body and query fields, read from its generated API reference
 * (docs/api/<service>.md). That file is generated from the controllers and DTOs, and test/docs fails when it
 * is stale, so this is the service's real surface.
 */
export function documentedRoutes(service: string): DocumentedRoute[] {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'api', `${service}.md`), 'utf8');
  const routes: {
    method: DocumentedRoute['method'];
    path: string;
    body: DocumentedField[];
    query: DocumentedField[];
    access: string;
  }[] = [];
  const accessOf = new Map<string, string>();
  let table: DocumentedField[] | undefined;
  for (const line of text.split('\n')) {
    const row = ROUTE_ROW.exec(line);
    if (row !== null) accessOf.set(`${row[1]} ${row[2]}`, row[3].trim());
    const heading = ROUTE_HEADING.exec(line);
    if (heading !== null) {
      routes.push({
        method: heading[1] as DocumentedRoute['method'],
        path: heading[2],
        body: [],
        query: [],
        access: accessOf.get(`${heading[1]} ${heading[2]}`) ?? 'unknown',
      });
      table = undefined;
      continue;
    }
    const route = routes.at(-1);
    if (route === undefined) continue;
    if (line.startsWith('Body (')) table = route.body;
    else if (line.startsWith('Query parameters (')) table = route.query;
    else if (line.startsWith('Path parameters')) table = undefined;
    const field = FIELD_ROW.exec(line);
    if (field !== null && table !== undefined)
      table.push({
        name: field[1],
        type: field[2].trim(),
        presence: field[3] as DocumentedField['presence'],
        rules: field[4],
      });
  }
  return routes;
}

/** The path with each `:name` placeholder replaced by `named[name]`, or else by `value` (URL-encoded). */
export function fillPath(path: string, value: string, named: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_placeholder, name: string) =>
    encodeURIComponent(named[name] ?? value),
  );
}

export type Boundary = 'max' | 'min';

const LONGEST_UNBOUNDED = 5000;

function numbersIn(rule: string, name: string): number[] | undefined {
  const match = new RegExp(`\\b${name}\\(([^)]*)\\)`).exec(rule);
  if (match === null) return undefined;
  return match[1].split(',').map((n) => Number(n.trim()));
}

/** Realistic values for the patterns the DTOs use; a `matches` field gets the first one its pattern accepts. */
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

function patternExample(rules: string): string | undefined {
  const match = /matches\(\/(.*)\/([a-z]*)\)/.exec(rules);
  if (match === null) return undefined;
  const pattern = new RegExp(match[1].replaceAll('\\|', '|'), match[2]);
  return PATTERN_EXAMPLES.find((example) => pattern.test(example));
}

function allowedValues(rules: string): string[] | undefined {
  const match = /isIn\(([^)]*)\)/.exec(rules);
  if (match === null) return undefined;
  return [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/**
 * A value at the edge of what the field's documented rules allow: the longest (or shortest) string of 4-byte
 * characters (one character each to a validator, like the rare characters of Chinese names), the largest (or
 * smallest) number, the latest (or earliest) date a DATETIME holds, every (or one) allowed value. Values meant
 * to pass validation and reach the database, where a column narrower than its validator, or a charset that
 * cannot hold them, would otherwise surface as a 500.
 */
export function boundaryValue(field: DocumentedField, boundary: Boundary): unknown {
  const { rules, type } = field;
  const allowed = allowedValues(rules);
  if (type === 'array') {
    if (allowed !== undefined) return boundary === 'max' ? allowed : allowed.slice(0, 1);
    return boundary === 'max' ? Array.from({ length: 50 }, () => '𠀀'.repeat(64)) : [];
  }
  if (allowed !== undefined) return boundary === 'max' ? allowed.at(-1) : allowed[0];
  if (type === 'boolean') return boundary === 'max';
  if (type === 'number') {
    const max = numbersIn(rules, 'max')?.[0] ?? 2_147_483_647;
    const min = numbersIn(rules, 'min')?.[0] ?? -2_147_483_648;
    return boundary === 'max' ? max : min;
  }
  if (type !== 'string') return {};
  if (/isUuid/.test(rules)) return randomUUID();
  const example = patternExample(rules);
  if (example !== undefined) return example;
  if (/isIso8601|isDateString/.test(rules))
    return boundary === 'max' ? '9999-12-31T23:59:59.999Z' : '1000-01-01T00:00:00.000Z';
  const length = numbersIn(rules, 'isLength');
  const maxLength = numbersIn(rules, 'maxLength')?.[0] ?? length?.[1] ?? LONGEST_UNBOUNDED;
  const minLength = numbersIn(rules, 'minLength')?.[0] ?? length?.[0] ?? 1;
  const size = boundary === 'max' ? maxLength : Math.max(1, minLength);
  if (/isEmail/.test(rules)) return `${'a'.repeat(Math.max(1, Math.min(64, size - 12)))}@example.org`;
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
