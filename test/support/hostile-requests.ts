import { randomUUID } from 'node:crypto';

import { issueTestToken } from '@exam/testing';
import request from 'supertest';

import { type Boundary, boundaryFields, type DocumentedRoute, fillPath } from './documented-routes';

export type Body = { readonly json: string; readonly contentType?: string } | undefined;

/** One kind of hostile or careless request, sent to every documented route. */
export interface Hostile {
  readonly name: string;
  readonly token: () => string | undefined;
  readonly param: () => string;
  readonly query: (route: DocumentedRoute) => string;
  /** Sent to POST, PUT and PATCH routes only. */
  readonly body: (route: DocumentedRoute) => Body;
  /** Send the identical request twice at once (a double submit): duplicate keys must not surface as a 5xx. */
  readonly twice?: boolean;
}

const admin = (): string => issueTestToken({ roles: ['platform_admin', 'security_analyst', 'candidate'] });
const fixed =
  <T>(value: T) =>
  (): T =>
    value;

function queryString(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value])
      params.append(name, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Every documented field at the edge its rules allow: valid input that must reach the database and come back 2xx or 4xx. */
function atBoundary(boundary: Boundary): Hostile {
  return {
    name: `admin, documented fields at their ${boundary}imum`,
    token: admin,
    param: randomUUID,
    query: (route) => queryString(boundaryFields(route.query, boundary)),
    body: (route) => ({ json: JSON.stringify(boundaryFields(route.body, boundary)) }),
  };
}

/** Every string of a body, however nested, with `suffix` appended. */
function withSuffix(value: unknown, suffix: string): unknown {
  if (typeof value === 'string') return `${value}${suffix}`;
  if (Array.isArray(value)) return value.map((item) => withSuffix(item, suffix));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSuffix(v, suffix)]));
  return value;
}

/** The kinds of request every documented route is sent (test/platform/services-boot.e2e-spec.ts). */
export const HOSTILE_REQUESTS: readonly Hostile[] = [
  {
    name: 'no token',
    token: () => undefined,
    param: randomUUID,
    query: fixed(''),
    body: fixed({ json: '{"unexpected":1}' }),
  },
  {
    name: 'candidate, junk and pollution fields',
    token: () => issueTestToken({ roles: ['candidate'] }),
    param: () => 'not-a-uuid',
    query: fixed('?limit=-5&offset=abc&from=yesterday&to=%00&sort=%3BDROP&page=1e309'),
    body: fixed({
      json: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"unexpected":{"$gt":""}}',
    }),
  },
  {
    name: 'staff of another institution, array body',
    token: () =>
      issueTestToken({
        roles: ['candidate'],
        memberships: [{ institutionId: randomUUID(), roles: ['org_admin', 'org_staff'] }],
      }),
    param: randomUUID,
    query: fixed(''),
    body: fixed({ json: '[]' }),
  },
  {
    name: 'admin, malformed JSON, oversized parameter',
    token: admin,
    param: () => 'x'.repeat(300),
    query: fixed('?limit=999999999999'),
    body: fixed({ json: '{"a":' }),
  },
  {
    name: 'admin, JSON nested 10,000 levels deep',
    token: admin,
    param: randomUUID,
    query: fixed(''),
    body: fixed({ json: '['.repeat(10_000) + ']'.repeat(10_000) }),
  },
  {
    name: 'admin, documented fields with lone UTF-16 surrogates',
    token: admin,
    param: randomUUID,
    query: fixed(''),
    body: (route) => ({
      // JSON.stringify escapes the lone surrogate as \ud800.
      json: JSON.stringify(withSuffix(boundaryFields(route.body, 'max'), '\ud800')),
    }),
  },
  {
    name: 'admin, documented fields with NUL, a right-to-left override and a zero-width space',
    token: admin,
    param: randomUUID,
    query: fixed(''),
    body: (route) => ({
      json: JSON.stringify(withSuffix(boundaryFields(route.body, 'min'), '\u0000\u202e\u200b')),
    }),
  },
  {
    name: 'admin, wrong types',
    token: admin,
    param: randomUUID,
    query: fixed('?from=2026-13-45&to=not-a-date&limit=0'),
    body: fixed({
      json: JSON.stringify({
        name: 12345,
        code: [],
        email: {},
        phone: true,
        version: null,
        limit: 'x',
        password: 7,
        reason: ['a'],
        ids: 'not-a-list',
        granted: 'yes',
        effectiveAt: 'never',
      }),
    }),
  },
  {
    name: 'admin, text body',
    token: admin,
    param: randomUUID,
    query: fixed(''),
    body: fixed({ json: 'hello', contentType: 'text/plain' }),
  },
  atBoundary('max'),
  atBoundary('min'),
  { ...atBoundary('min'), name: 'admin, the same request twice at once', twice: true },
];

/** A request resolved to concrete values, so it can be sent twice exactly alike. */
export interface Prepared {
  readonly path: string;
  readonly token: string | undefined;
  readonly body: Body;
  readonly forwardedFor: string;
}

export function prepare(route: DocumentedRoute, hostile: Hostile): Prepared {
  return {
    path: fillPath(route.path, hostile.param()) + hostile.query(route),
    token: hostile.token(),
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : hostile.body(route),
    forwardedFor: `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
  };
}

export async function send(
  url: string,
  route: DocumentedRoute,
  prepared: Prepared,
): Promise<request.Response> {
  const { path, token, body, forwardedFor } = prepared;
  const agent = request(url);
  let call =
    route.method === 'GET'
      ? agent.get(path)
      : route.method === 'DELETE'
        ? agent.delete(path)
        : route.method === 'PUT'
          ? agent.put(path)
          : route.method === 'PATCH'
            ? agent.patch(path)
            : agent.post(path);
  call = call.timeout(15_000).set('x-forwarded-for', forwardedFor);
  if (token !== undefined) call = call.set('authorization', `Bearer ${token}`);
  if (body !== undefined)
    call = call.set('content-type', body.contentType ?? 'application/json').send(body.json);
  return call;
}
