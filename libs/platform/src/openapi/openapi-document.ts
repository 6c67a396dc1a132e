import { type INestApplication, RequestMethod } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { APP_GUARD, MetadataScanner, type NestContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import {
  ALLOWED_WITH_PENDING_POLICY,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
  TENANT_ACCESS,
} from '../auth/access.decorators';
import { AccessGuard } from '../auth/access.guard';
import { REVEALS_PERSONAL_DATA } from '../reveal/reveals-personal-data.decorator';
import type { CatalogueEntry } from './error-catalogue';
import {
  type DescriptionSource,
  DtoSchemas,
  isValidatedDto,
  type JsonSchema,
  NO_DESCRIPTIONS,
  scalarSchema,
} from './json-schema';

type Ctor = abstract new (...args: never[]) => unknown;

/** Who may call a route, as `x-access` states it (the sweeps in test/platform read it). */
export interface RouteAccess {
  /** `public`, `signed in`, `role a / b`, `a / b of {institutionId}` (both joined by `; ` when both apply). */
  readonly summary: string;
  readonly public: boolean;
  /** The caller needs one of these platform roles. */
  readonly platformRoles?: readonly string[];
  /** The caller needs one of `roles` in the institution named by path parameter `param`; `bypass` platform roles may act on any. */
  readonly institution?: {
    readonly param: string;
    readonly roles: readonly string[];
    readonly bypass: readonly string[];
  };
  /** Returns full (unmasked) personal values to an authorised caller; every reveal is recorded. */
  readonly revealsPersonalData?: true;
  /** Reachable while the caller still has to accept a changed privacy policy. */
  readonly allowedWithPendingPolicy?: true;
}

export interface ConsumedTopic {
  readonly topic: string;
  readonly handler: string;
  readonly description?: string;
}

export interface OpenApiOptions {
  /** Service name: the `/api/<service>` prefix and the title. */
  readonly service: string;
  /** Where this document is served; documented as a public route of its own. */
  readonly documentPath: string;
  readonly errorCodes: readonly CatalogueEntry[];
  readonly descriptions?: DescriptionSource;
  readonly version?: string;
}

export type OpenApiDocument = JsonSchema & { paths: Record<string, Record<string, JsonSchema>> };

const METHOD_ORDER = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCtor(value: unknown): value is Ctor {
  return typeof value === 'function';
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return list(value).filter((v): v is string => typeof v === 'string');
}

function nameOf(value: unknown): string {
  if (isCtor(value)) return value.name;
  if (isRecord(value) && isCtor(value.constructor)) return value.constructor.name;
  return 'unknown';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reflector.getAllAndOverride: the handler's value wins over the controller's. */
function override(key: string, handler: object, controller: Ctor): unknown {
  const own: unknown = Reflect.getMetadata(key, handler);
  return own !== undefined ? own : (Reflect.getMetadata(key, controller) as unknown);
}

function containerOf(app: INestApplication): NestContainer {
  return (app as unknown as { container: NestContainer }).container;
}

interface AppGraph {
  readonly controllers: readonly Ctor[];
  /** Whether the platform's AccessGuard is the app guard (token + @Public/@Roles/@TenantRoles). */
  readonly accessGuard: boolean;
}

function graphOf(app: INestApplication): AppGraph {
  const controllers = new Set<Ctor>();
  let accessGuard = false;
  for (const module of containerOf(app).getModules().values()) {
    for (const wrapper of module.controllers.values())
      if (isCtor(wrapper.metatype)) controllers.add(wrapper.metatype);
    for (const [token, wrapper] of module.providers) {
      if (typeof token === 'string' && token.startsWith(APP_GUARD) && wrapper.metatype === AccessGuard)
        accessGuard = true;
    }
  }
  return { controllers: [...controllers], accessGuard };
}

export function accessOf(handler: object, controller: Ctor, guarded: boolean): RouteAccess {
  const reveals =
    Reflect.getMetadata(REVEALS_PERSONAL_DATA, handler) === true
      ? { revealsPersonalData: true as const }
      : {};
  if (!guarded || override(PUBLIC_ROUTE, handler, controller) === true)
    return { summary: 'public', public: true, ...reveals };
  const roles = strings(override(REQUIRED_ROLES, handler, controller));
  const tenant = override(TENANT_ACCESS, handler, controller);
  const institution =
    isRecord(tenant) && typeof tenant.param === 'string'
      ? { param: tenant.param, roles: strings(tenant.roles), bypass: strings(tenant.bypass) }
      : undefined;
  const parts: string[] = [];
  if (roles.length > 0) parts.push(`role ${roles.join(' / ')}`);
  if (institution) parts.push(`${institution.roles.join(' / ')} of {${institution.param}}`);
  return {
    summary: parts.length > 0 ? parts.join('; ') : 'signed in',
    public: false,
    ...(roles.length > 0 ? { platformRoles: roles } : {}),
    ...(institution ? { institution } : {}),
    ...reveals,
    ...(override(ALLOWED_WITH_PENDING_POLICY, handler, controller) === true
      ? { allowedWithPendingPolicy: true as const }
      : {}),
  };
}

function accessText(access: RouteAccess, guarded: boolean): string {
  if (!guarded) return 'public (this app has no access guard)';
  if (access.public) return 'public — no token needed';
  const parts = ['bearer access token'];
  if (access.platformRoles) parts.push(`platform role ${access.platformRoles.join(' or ')}`);
  if (access.institution) {
    const bypass =
      access.institution.bypass.length > 0
        ? ` (or platform role ${access.institution.bypass.join(' or ')})`
        : '';
    parts.push(
      `institution role ${access.institution.roles.join(' or ')} in the institution {${access.institution.param}}${bypass}`,
    );
  }
  if (!access.platformRoles && !access.institution) parts.push('any signed-in user');
  return parts.join('; ');
}

interface RouteArg {
  readonly type: number | 'custom';
  readonly index: number;
  readonly data: unknown;
  readonly pipes: readonly unknown[];
}

function routeArgs(controller: Ctor, method: string): RouteArg[] {
  const raw: unknown = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method);
  if (!isRecord(raw)) return [];
  return Object.entries(raw)
    .map(([key, value]): RouteArg => {
      const [typePart = ''] = key.split(':');
      const entry = isRecord(value) ? value : {};
      return {
        type: typePart.includes(CUSTOM_ROUTE_ARGS_METADATA) ? 'custom' : Number(typePart),
        index: typeof entry.index === 'number' ? entry.index : -1,
        data: entry.data,
        pipes: list(entry.pipes),
      };
    })
    .sort((a, b) => a.index - b.index);
}

interface Handler {
  readonly controller: Ctor;
  readonly method: string;
  readonly fn: object;
}

/** Everything of one operation that the route's metadata says (swagger's explorer gives the paths). */
function describeOperation(
  handler: Handler,
  path: string,
  guarded: boolean,
  schemas: DtoSchemas,
  docs: DescriptionSource,
): JsonSchema {
  const { controller, method, fn } = handler;
  const prototype = controller.prototype as object;
  const paramTypes = list(Reflect.getMetadata('design:paramtypes', prototype, method));
  const pathParams = new Map<string, JsonSchema>();
  for (const token of path.matchAll(/\{([A-Za-z0-9_]+)\}/g))
    pathParams.set(token[1], { name: token[1], in: 'path', required: true, schema: { type: 'string' } });
  const query: JsonSchema[] = [];
  const headers: JsonSchema[] = [];
  const bodyProperties: Record<string, JsonSchema> = {};
  let bodyRef: JsonSchema | undefined;
  let readsAllHeaders = false;

  for (const arg of routeArgs(controller, method)) {
    const paramType = paramTypes[arg.index];
    const named = typeof arg.data === 'string' ? arg.data : undefined;
    switch (arg.type) {
      case RouteParamtypes.PARAM:
        if (named !== undefined)
          pathParams.set(named, {
            name: named,
            in: 'path',
            required: true,
            schema: scalarSchema(paramType, arg.pipes),
          });
        else if (isValidatedDto(paramType))
          for (const p of schemas.properties(paramType))
            pathParams.set(p.name, { name: p.name, in: 'path', required: true, schema: p.schema });
        break;
      case RouteParamtypes.QUERY:
        if (named !== undefined)
          query.push({
            name: named,
            in: 'query',
            required: false,
            schema: scalarSchema(paramType, arg.pipes),
          });
        else if (isValidatedDto(paramType))
          for (const p of schemas.properties(paramType)) {
            const { description, ...schema } = p.schema;
            query.push({
              name: p.name,
              in: 'query',
              required: p.presence === 'required',
              ...(typeof description === 'string' ? { description } : {}),
              schema,
            });
          }
        break;
      case RouteParamtypes.BODY:
        if (named !== undefined) bodyProperties[named] = scalarSchema(paramType, arg.pipes);
        else if (isValidatedDto(paramType)) bodyRef = schemas.ref(paramType);
        else bodyRef = { description: `${nameOf(paramType)}, not validated by a DTO` };
        break;
      case RouteParamtypes.HEADERS:
        if (named !== undefined)
          headers.push({ name: named, in: 'header', required: false, schema: { type: 'string' } });
        else readsAllHeaders = true;
        break;
      case 'custom':
      default:
        break;
    }
  }

  const access = accessOf(fn, controller, guarded);
  const doc = docs.memberDoc(controller.name, method) ?? docs.classDoc(controller.name);
  const guards = [
    ...list(Reflect.getMetadata(GUARDS_METADATA, controller)),
    ...list(Reflect.getMetadata(GUARDS_METADATA, fn)),
  ].map(nameOf);
  const lines = [doc, `Access: ${accessText(access, guarded)}.`];
  if (access.revealsPersonalData)
    lines.push(
      'Reveals personal data: returns full (unmasked) values to an authorised caller; every reveal is recorded.',
    );
  if (readsAllHeaders) lines.push('Reads the request headers (see above).');

  const statusMeta: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, fn);
  const requestMethod: unknown = Reflect.getMetadata(METHOD_METADATA, fn);
  const status =
    typeof statusMeta === 'number'
      ? statusMeta
      : requestMethod === (RequestMethod.POST as number)
        ? 201
        : 200;
  const responseHeaders = list(Reflect.getMetadata(HEADERS_METADATA, fn))
    .filter(isRecord)
    .map((h) => [String(h.name), { schema: { type: 'string', const: String(h.value) } }] as const);
  const success: JsonSchema = { description: 'Success.' };
  if (responseHeaders.length > 0) success.headers = Object.fromEntries(responseHeaders);

  let requestBody: JsonSchema | undefined;
  if (Object.keys(bodyProperties).length > 0 && bodyRef === undefined) {
    bodyRef = {
      type: 'object',
      properties: bodyProperties,
      required: Object.keys(bodyProperties),
    };
  }
  if (bodyRef !== undefined)
    requestBody = { required: true, content: { 'application/json': { schema: bodyRef } } };

  return {
    operationId: `${controller.name}_${method}`,
    description: lines.filter((l) => l !== undefined).join('\n\n'),
    parameters: [...pathParams.values(), ...query, ...headers],
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(status)]: success,
      '4XX': { $ref: '#/components/responses/Error' },
      '5XX': { $ref: '#/components/responses/Error' },
    },
    ...(guarded ? { security: access.public ? [] : [{ bearer: [] }] } : {}),
    'x-access': access,
    'x-handler': `${controller.name}.${method}`,
    ...(guards.length > 0 ? { 'x-guards': guards } : {}),
  };
}

function consumedTopics(controllers: readonly Ctor[], docs: DescriptionSource): ConsumedTopic[] {
  const topics: ConsumedTopic[] = [];
  for (const controller of controllers) {
    const prototype: unknown = controller.prototype;
    if (!isRecord(prototype)) continue;
    for (const name of new MetadataScanner().getAllMethodNames(prototype)) {
      const handler: unknown = prototype[name];
      if (typeof handler !== 'function') continue;
      const description = docs.memberDoc(controller.name, name);
      for (const pattern of list(Reflect.getMetadata(PATTERN_METADATA, handler))) {
        topics.push({
          topic: typeof pattern === 'string' ? pattern : JSON.stringify(pattern),
          handler: `${controller.name}.${name}`,
          ...(description === undefined ? {} : { description }),
        });
      }
    }
  }
  return topics.sort((a, b) => compareText(a.topic, b.topic) || compareText(a.handler, b.handler));
}

const ERROR_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'The one error body every service (and the gateway) answers with.',
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status, repeated.' },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*$',
      description:
        'Stable machine-readable code, `AREA.REASON` (see `x-error-codes`); branch on it, not on `message`.',
    },
    message: { type: 'string', description: 'What went wrong and what to do, for people; may change.' },
    details: {
      type: 'array',
      description: 'One item per problem (e.g. per broken validation rule), naming the field.',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
        required: ['reason'],
      },
    },
    correlationId: {
      type: 'string',
      description: 'The request id (`x-request-id`); quote it when reporting a problem.',
    },
  },
  required: ['statusCode', 'code', 'message', 'correlationId'],
};

function title(service: string): string {
  return `${service.charAt(0).toUpperCase()}${service.slice(1)} API`;
}

function infoDescription(service: string, guarded: boolean, prefixed: boolean): string {
  return [
    prefixed
      ? `Routes of the ${service} service under \`/api/${service}\` (health probes at \`/health/*\`); through the gateway the paths are the same.`
      : 'Routes the gateway answers itself; it proxies `/api/<service>/*` unchanged to the services.',
    guarded
      ? 'Send `Authorization: Bearer <access token>` (an ES256 JWT from `POST /api/accounts/auth/login`) unless a route is public; `x-access` says who may call each route.'
      : 'Every route is public.',
    'Every error answers with the shared error body (`ErrorBody`); its `code` is one of `x-error-codes`. Request bodies and query strings are validated against the schemas here: unknown fields are refused, each broken rule is one `details` item (400 `REQUEST.INVALID`).',
    'Send `x-request-id` to correlate a request across services and events; it comes back as the `x-request-id` response header and as `correlationId`.',
  ].join('\n\n');
}

/**
 * The OpenAPI 3.1 document of a built (or previewed) Nest application: routes as @nestjs/swagger's explorer
 * finds them (global prefix and its exclusions included), each described from the decorators' metadata —
 * access (`x-access`, `security`), path, query and body schemas from class-validator rules, success status
 * and headers, the shared error body for 4XX/5XX — plus the consumed Kafka topics (`x-consumed-topics`) and
 * the service's error codes (`x-error-codes`). Deterministic: the same code gives the same document.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenApiDocument {
  const docs = options.descriptions ?? NO_DESCRIPTIONS;
  const graph = graphOf(app);
  const byName = new Map<string, Ctor>();
  for (const controller of graph.controllers) {
    const known = byName.get(controller.name);
    if (known !== undefined && known !== controller)
      throw new Error(`openapi: two controllers are named ${controller.name}; rename one`);
    byName.set(controller.name, controller);
  }
  const explored = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setOpenAPIVersion('3.1.0').setTitle(title(options.service)).build(),
    { operationIdFactory: (controllerKey, methodKey) => `${controllerKey}\u0000${methodKey}` },
  );
  const schemas = new DtoSchemas(docs);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  let prefixed = false;
  for (const [path, item] of Object.entries(explored.paths)) {
    for (const [verb, operation] of Object.entries(item as Record<string, unknown>)) {
      if (!METHOD_ORDER.includes(verb) || !isRecord(operation) || typeof operation.operationId !== 'string')
        continue;
      const [controllerName = '', method = ''] = operation.operationId.split('\u0000');
      const controller = byName.get(controllerName);
      const fn: unknown = controller?.prototype
        ? (controller.prototype as Record<string, unknown>)[method]
        : undefined;
      if (!controller || typeof fn !== 'function') throw new Error(`openapi: no handler for ${verb} ${path}`);
      if (path.startsWith(`/api/${options.service}/`)) prefixed = true;
      const described = describeOperation({ controller, method, fn }, path, graph.accessGuard, schemas, docs);
      const tags = strings(operation.tags);
      (paths[path] ??= {})[verb] = { ...described, ...(tags.length > 0 ? { tags } : {}) };
    }
  }
  (paths[options.documentPath] ??= {}).get = {
    operationId: 'openapi',
    description: 'This document (OpenAPI 3.1). Access: public — no token needed.',
    tags: ['OpenAPI'],
    responses: {
      '200': { description: 'Success.', content: { 'application/json': { schema: { type: 'object' } } } },
    },
    ...(graph.accessGuard ? { security: [] } : {}),
    'x-access': { summary: 'public', public: true },
  };

  const operationIds = new Map<string, number>();
  const sortedPaths: typeof paths = {};
  for (const path of Object.keys(paths).sort(compareText)) {
    const item = paths[path];
    sortedPaths[path] = {};
    for (const verb of METHOD_ORDER.filter((v) => v in item)) {
      const operation = item[verb];
      const id = String(operation.operationId);
      const seen = operationIds.get(id) ?? 0;
      operationIds.set(id, seen + 1);
      sortedPaths[path][verb] = seen === 0 ? operation : { ...operation, operationId: `${id}_${seen + 1}` };
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: title(options.service),
      version: options.version ?? '0.0.0',
      description: infoDescription(options.service, graph.accessGuard, prefixed),
    },
    ...(graph.accessGuard ? { security: [{ bearer: [] }] } : {}),
    paths: sortedPaths,
    components: {
      schemas: { ...schemas.all(), ErrorBody: ERROR_BODY_SCHEMA },
      responses: {
        Error: {
          description: 'The shared error body; `code` says what went wrong (see `x-error-codes`).',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        },
      },
      ...(graph.accessGuard
        ? {
            securitySchemes: {
              bearer: {
                type: 'http',
                scheme: 'bearer',
                bearerFormat: 'JWT',
                description: 'ES256 access token issued by the accounts service.',
              },
            },
          }
        : {}),
    },
    'x-consumed-topics': consumedTopics(graph.controllers, docs),
    'x-error-codes': options.errorCodes.map((e) => ({
      code: e.code,
      status: e.status,
      kind: e.kind,
      meaning: e.meaning,
      action: e.action,
    })),
  };
}
