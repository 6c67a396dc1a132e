/**
 * Generates the API reference in docs/api/ from the code, so it cannot drift:
 *
 *   node -r @swc-node/register scripts/api-docs.ts           # (re)writes docs/api/*.md
 *   node -r @swc-node/register scripts/api-docs.ts --check   # exits 1 when a file would change
 *
 * Nothing is booted: each service's DynamicModule (built from its development defaults) is walked
 * statically for controllers; routes, access rules, DTO validation rules and consumed Kafka topics come
 * from the decorators' metadata, descriptions from the JSDoc of the handlers and DTO properties.
 * test/docs/api-docs.spec.ts runs the check with every unit test run.
 */
import 'reflect-metadata';

import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { ORG_ROLES, PLATFORM_ROLES } from '@exam/contracts';
import {
  AccessGuard,
  configureHttp,
  type ErrorKind,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
  REVEALS_PERSONAL_DATA,
  statusOf,
  TENANT_ACCESS,
} from '@exam/platform';
import { type DynamicModule, type INestApplication, RequestMethod } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { APP_GUARD, MetadataScanner } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { getMetadataStorage } from 'class-validator';
import * as ts from 'typescript';

import { AccountsModule } from '../apps/accounts/src/accounts.module';
import { loadAccountsEnv } from '../apps/accounts/src/config/accounts.env';
import { AuditModule } from '../apps/audit/src/audit.module';
import { loadAuditEnv } from '../apps/audit/src/config/audit.env';
import { loadExamEnv } from '../apps/exam/src/config/exam.env';
import { ExamModule } from '../apps/exam/src/exam.module';
import { loadGatewayEnv } from '../apps/gateway/src/config/gateway.env';
import { UPSTREAM_SERVICES } from '../apps/gateway/src/edge/upstreams';
import { GatewayModule } from '../apps/gateway/src/gateway.module';
import { loadIdentityEnv } from '../apps/identity/src/config/identity.env';
import { IdentityModule } from '../apps/identity/src/identity.module';
import { loadPaymentsEnv } from '../apps/payments/src/config/payments.env';
import { PaymentsModule } from '../apps/payments/src/payments.module';

export const ROOT = join(__dirname, '..');
export const DOCS_DIR = join(ROOT, 'docs', 'api');
export const REGENERATE_COMMAND = 'node -r @swc-node/register scripts/api-docs.ts';

/** Development defaults: the documented graph is what `npm run start:local` serves. */
const DEV_ENV = { NODE_ENV: 'development' } as const;

type Ctor = abstract new (...args: never[]) => unknown;

interface ServiceSpec {
  readonly name: string;
  readonly title: string;
  /** Where its controllers and DTOs live (for JSDoc); libs/platform is always searched as well. */
  readonly sourceDir: string;
  readonly module: () => DynamicModule;
  /** The service's HTTP edge (global prefix and its exclusions); absent for the gateway. */
  readonly configure?: (app: INestApplication, service: string) => void;
}

function devSigningKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'accounts',
    title: 'Accounts',
    sourceDir: 'apps/accounts/src',
    module: () => AccountsModule.register(loadAccountsEnv({ ...DEV_ENV, JWT_PRIVATE_KEY: devSigningKey() })),
    configure: configureHttp,
  },
  {
    name: 'identity',
    title: 'Identity',
    sourceDir: 'apps/identity/src',
    module: () => IdentityModule.register(loadIdentityEnv(DEV_ENV)),
    configure: configureHttp,
  },
  {
    name: 'exam',
    title: 'Exam',
    sourceDir: 'apps/exam/src',
    module: () => ExamModule.register(loadExamEnv(DEV_ENV)),
    configure: configureHttp,
  },
  {
    name: 'payments',
    title: 'Payments',
    sourceDir: 'apps/payments/src',
    module: () => PaymentsModule.register(loadPaymentsEnv(DEV_ENV)),
    configure: configureHttp,
  },
  {
    name: 'audit',
    title: 'Audit',
    sourceDir: 'apps/audit/src',
    module: () => AuditModule.register(loadAuditEnv(DEV_ENV)),
    configure: configureHttp,
  },
  {
    name: 'gateway',
    title: 'Gateway',
    sourceDir: 'apps/gateway/src',
    module: () => GatewayModule.register(loadGatewayEnv(DEV_ENV), undefined),
  },
];

// ---------------------------------------------------------------------------------------------------
// Module graph

interface ModuleGraph {
  readonly controllers: readonly Ctor[];
  /** Whether the platform's AccessGuard is registered as APP_GUARD (token + @Public/@Roles/@TenantRoles). */
  readonly accessGuard: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCtor(value: unknown): value is Ctor {
  return typeof value === 'function';
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function walkModules(root: DynamicModule): ModuleGraph {
  const seen = new Set<unknown>();
  const controllers = new Set<Ctor>();
  let accessGuard = false;

  const collect = (
    imports: readonly unknown[],
    ownControllers: readonly unknown[],
    providers: readonly unknown[],
  ): void => {
    for (const controller of ownControllers) if (isCtor(controller)) controllers.add(controller);
    for (const provider of providers) {
      if (isRecord(provider) && provider.provide === APP_GUARD && provider.useClass === AccessGuard)
        accessGuard = true;
    }
    for (const entry of imports) visit(entry);
  };

  const visit = (entry: unknown): void => {
    let resolved = entry;
    if (isRecord(resolved) && typeof resolved.forwardRef === 'function')
      resolved = (resolved.forwardRef as () => unknown)();
    if (resolved === undefined || resolved === null || seen.has(resolved)) return;
    seen.add(resolved);
    if (isCtor(resolved)) {
      collect(
        moduleMetadata(resolved, MODULE_METADATA.IMPORTS),
        moduleMetadata(resolved, MODULE_METADATA.CONTROLLERS),
        moduleMetadata(resolved, MODULE_METADATA.PROVIDERS),
      );
      return;
    }
    if (isRecord(resolved) && typeof resolved.then === 'function') {
      throw new Error('api-docs: asynchronous module imports are not supported by the static walk');
    }
    if (isRecord(resolved) && isCtor(resolved.module)) {
      const moduleClass = resolved.module;
      collect(
        [...moduleMetadata(moduleClass, MODULE_METADATA.IMPORTS), ...list(resolved.imports)],
        [...moduleMetadata(moduleClass, MODULE_METADATA.CONTROLLERS), ...list(resolved.controllers)],
        [...moduleMetadata(moduleClass, MODULE_METADATA.PROVIDERS), ...list(resolved.providers)],
      );
    }
  };

  visit(root);
  return { controllers: [...controllers], accessGuard };
}

function moduleMetadata(moduleClass: Ctor, key: string): readonly unknown[] {
  return list(Reflect.getMetadata(key, moduleClass));
}

// ---------------------------------------------------------------------------------------------------
// HTTP edge (global prefix) — captured by running the service's own configureHttp against a recorder

interface PrefixRule {
  readonly prefix: string;
  readonly exclude: readonly { readonly path: string; readonly method: number }[];
}

function prefixOf(spec: ServiceSpec): PrefixRule {
  if (!spec.configure) return { prefix: '', exclude: [] };
  let rule: PrefixRule = { prefix: '', exclude: [] };
  const recorder: Record<string, (...args: unknown[]) => unknown> = {
    setGlobalPrefix: (prefix: unknown, options: unknown) => {
      const exclude = isRecord(options) ? list(options.exclude) : [];
      rule = {
        prefix: typeof prefix === 'string' ? prefix : '',
        exclude: exclude.map((e) =>
          typeof e === 'string'
            ? { path: e, method: RequestMethod.ALL }
            : {
                path: isRecord(e) && typeof e.path === 'string' ? e.path : '',
                method: isRecord(e) && typeof e.method === 'number' ? e.method : RequestMethod.ALL,
              },
        ),
      };
      return recorder;
    },
    use: () => recorder,
    useGlobalPipes: () => recorder,
    useGlobalInterceptors: () => recorder,
    useGlobalFilters: () => recorder,
    useGlobalGuards: () => recorder,
  };
  spec.configure(recorder as unknown as INestApplication, spec.name);
  return rule;
}

function joinPath(...parts: readonly string[]): string {
  const segments = parts.flatMap((p) => p.split('/')).filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

// ---------------------------------------------------------------------------------------------------
// JSDoc from the sources (parsed, never type-checked: cheap)

const parsedFiles = new Map<string, ts.SourceFile>();

function sourceFilesUnder(dir: string): string[] {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(absolute, f))
    .sort();
}

class DocIndex {
  private readonly classes = new Map<string, ts.ClassDeclaration>();

  constructor(dirs: readonly string[]) {
    for (const file of dirs.flatMap(sourceFilesUnder)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('class ')) continue;
      let source = parsedFiles.get(file);
      if (!source) {
        source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
        parsedFiles.set(file, source);
      }
      for (const statement of source.statements) {
        // First declaration wins: the service's own sources are listed before libs/platform.
        if (ts.isClassDeclaration(statement) && statement.name && !this.classes.has(statement.name.text)) {
          this.classes.set(statement.name.text, statement);
        }
      }
    }
  }

  classDoc(name: string): string | undefined {
    const declaration = this.classes.get(name);
    return declaration ? docOf(declaration) : undefined;
  }

  memberDoc(className: string, member: string): string | undefined {
    const declaration = this.classes.get(className);
    const node = declaration?.members.find(
      (m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === member,
    );
    return node ? docOf(node) : undefined;
  }
}

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs.at(-1);
  if (!last) return undefined;
  const text = (ts.getTextOfJSDocComment(last.comment) ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

// ---------------------------------------------------------------------------------------------------
// Validation rules of DTO classes

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

export interface FieldDoc {
  readonly name: string;
  readonly type: string;
  readonly presence: 'required' | 'optional' | 'conditional';
  readonly rules: readonly string[];
  readonly doc?: string;
}

function typeName(type: unknown): string {
  if (!isCtor(type)) return 'unknown';
  switch (type.name) {
    case 'String':
      return 'string';
    case 'Number':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Array':
      return 'array';
    case 'Object':
      return 'object';
    default:
      return type.name;
  }
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

function ruleOf(metadata: ValidationMetadata): string {
  const storage = getMetadataStorage();
  const name =
    metadata.name ??
    storage.getTargetValidatorConstraints(metadata.constraintCls).at(0)?.name ??
    metadata.constraintCls.name;
  const args = list(metadata.constraints)
    .filter(
      (c) =>
        c !== undefined &&
        !(isRecord(c) && !Array.isArray(c) && !(c instanceof RegExp) && Object.keys(c).length === 0),
    )
    .map(formatValue);
  const rule = args.length > 0 ? `${name}(${args.join(', ')})` : name;
  return metadata.each ? `each ${rule}` : rule;
}

/** A string-literal union compiles to `Object`; an isIn over strings says what it really is. */
function fieldType(designType: unknown, rules: readonly ValidationMetadata[]): string {
  const name = typeName(designType);
  if (name !== 'object') return name;
  const stringEnum = rules.some(
    (m) =>
      m.name === 'isIn' &&
      !m.each &&
      list(m.constraints.at(0)).length > 0 &&
      list(m.constraints.at(0)).every((v) => typeof v === 'string'),
  );
  return stringEnum ? 'string' : name;
}

function isOptionalRule(metadata: ValidationMetadata): boolean {
  return metadata.type === 'conditionalValidation' && metadata.name === 'isOptional';
}

export function dtoFields(dto: Ctor, docs: DocIndex, prefix = '', depth = 0): FieldDoc[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadata) {
    const bucket = byProperty.get(m.propertyName) ?? [];
    bucket.push(m);
    byProperty.set(m.propertyName, bucket);
  }
  const fields: FieldDoc[] = [];
  const prototype: unknown = dto.prototype;
  for (const [property, entries] of byProperty) {
    // Decorators run bottom-up; reversed, the rules read in source order.
    const ordered = [...entries].reverse();
    const optional = ordered.some(isOptionalRule);
    const conditional = ordered.some((m) => m.type === 'conditionalValidation' && !isOptionalRule(m));
    const rules: string[] = [];
    let nested: Ctor | undefined;
    const designType: unknown = isRecord(prototype)
      ? Reflect.getMetadata('design:type', prototype, property)
      : undefined;
    for (const m of ordered) {
      if (isOptionalRule(m)) continue;
      if (m.type === 'conditionalValidation') rules.push('validateIf(…)');
      else if (m.type === 'nestedValidation') {
        rules.push(m.each ? 'each nested' : 'nested');
        if (isCtor(designType) && designType !== Array && designType !== Object) nested = designType;
      } else if (m.type === 'whitelistValidation') rules.push('allow');
      else if (m.type === 'customValidation') rules.push(ruleOf(m));
      else rules.push(m.type);
    }
    const doc = docs.memberDoc(dto.name, property);
    fields.push({
      name: `${prefix}${property}`,
      type: fieldType(designType, ordered),
      presence: conditional ? 'conditional' : optional ? 'optional' : 'required',
      rules,
      ...(doc === undefined ? {} : { doc }),
    });
    if (nested && depth < 4) fields.push(...dtoFields(nested, docs, `${prefix}${property}.`, depth + 1));
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------
// Routes and event handlers

export interface AccessDoc {
  readonly kind: 'unguarded' | 'public' | 'token';
  readonly roles?: readonly string[];
  readonly tenant?: {
    readonly param: string;
    readonly roles: readonly string[];
    readonly bypass: readonly string[];
  };
}

export interface ParamDoc {
  readonly name: string;
  readonly type: string;
  readonly rules: readonly string[];
  readonly doc?: string;
}

export interface InputDoc {
  /** DTO class name, or undefined for a single named value. */
  readonly dto?: string;
  readonly fields: readonly FieldDoc[];
}

export interface RouteDoc {
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  readonly status: number;
  readonly access: AccessDoc;
  readonly revealsPersonalData: boolean;
  readonly guards: readonly string[];
  readonly description?: string;
  readonly pathParams: readonly ParamDoc[];
  readonly query: readonly InputDoc[];
  readonly body: readonly InputDoc[];
  readonly requestHeaders: readonly string[];
  readonly responseHeaders: readonly string[];
}

export interface EventHandlerDoc {
  readonly topic: string;
  readonly handler: string;
  readonly description?: string;
}

export interface ServiceDoc {
  readonly name: string;
  readonly title: string;
  readonly prefix: PrefixRule;
  readonly accessGuard: boolean;
  readonly routes: readonly RouteDoc[];
  readonly events: readonly EventHandlerDoc[];
}

/** Reflector.getAllAndOverride: the handler's value wins over the controller's. */
function override(key: string, handler: object, controller: Ctor): unknown {
  const own: unknown = Reflect.getMetadata(key, handler);
  if (own !== undefined) return own;
  const inherited: unknown = Reflect.getMetadata(key, controller);
  return inherited;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return list(value).filter((v): v is string => typeof v === 'string');
}

function accessOf(handler: object, controller: Ctor, guarded: boolean): AccessDoc {
  if (!guarded) return { kind: 'unguarded' };
  if (override(PUBLIC_ROUTE, handler, controller) === true) return { kind: 'public' };
  const roles = strings(override(REQUIRED_ROLES, handler, controller));
  const tenant = override(TENANT_ACCESS, handler, controller);
  return {
    kind: 'token',
    ...(roles.length > 0 ? { roles } : {}),
    ...(isRecord(tenant) && typeof tenant.param === 'string'
      ? { tenant: { param: tenant.param, roles: strings(tenant.roles), bypass: strings(tenant.bypass) } }
      : {}),
  };
}

function pipeRules(pipes: unknown): string[] {
  return list(pipes).map((pipe) => {
    const name = isCtor(pipe)
      ? pipe.name
      : isRecord(pipe) && isCtor(pipe.constructor)
        ? pipe.constructor.name
        : 'pipe';
    const match = /^Parse(.+)Pipe$/.exec(name);
    return match?.[1] !== undefined ? match[1].toLowerCase() : name;
  });
}

interface RouteArg {
  readonly type: number | 'custom';
  readonly index: number;
  readonly data: unknown;
  readonly pipes: unknown;
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
        pipes: entry.pipes,
      };
    })
    .sort((a, b) => a.index - b.index);
}

function hasValidation(type: unknown): type is Ctor {
  return isCtor(type) && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}

function inputOf(arg: RouteArg, paramType: unknown, docs: DocIndex): InputDoc {
  if (typeof arg.data === 'string') {
    return {
      fields: [
        { name: arg.data, type: typeName(paramType), presence: 'required', rules: pipeRules(arg.pipes) },
      ],
    };
  }
  if (hasValidation(paramType)) return { dto: paramType.name, fields: dtoFields(paramType, docs) };
  return { dto: typeName(paramType), fields: [] };
}

function routesOf(controller: Ctor, guarded: boolean, prefix: PrefixRule, docs: DocIndex): RouteDoc[] {
  const prototype: unknown = controller.prototype;
  if (!isRecord(prototype)) return [];
  const controllerPaths = strings(Reflect.getMetadata(PATH_METADATA, controller));
  const routes: RouteDoc[] = [];
  for (const name of new MetadataScanner().getAllMethodNames(prototype)) {
    const handler: unknown = prototype[name];
    if (typeof handler !== 'function') continue;
    const requestMethod: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
    const methodPaths = strings(Reflect.getMetadata(PATH_METADATA, handler));
    if (typeof requestMethod !== 'number' || methodPaths.length === 0) continue;
    const method = METHOD_NAMES.get(requestMethod) ?? String(requestMethod);
    const paramTypes = list(Reflect.getMetadata('design:paramtypes', prototype, name));
    const args = routeArgs(controller, name);
    const statusMeta: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
    const status =
      typeof statusMeta === 'number'
        ? statusMeta
        : requestMethod === (RequestMethod.POST as number)
          ? 201
          : 200;
    const guards = [
      ...list(Reflect.getMetadata(GUARDS_METADATA, controller)),
      ...list(Reflect.getMetadata(GUARDS_METADATA, handler)),
    ].map((g) => (isCtor(g) ? g.name : isRecord(g) && isCtor(g.constructor) ? g.constructor.name : 'guard'));
    const responseHeaders = list(Reflect.getMetadata(HEADERS_METADATA, handler))
      .filter(isRecord)
      .map((h) => `${String(h.name)}: ${String(h.value)}`);
    const description = docs.memberDoc(controller.name, name) ?? docs.classDoc(controller.name);

    for (const controllerPath of controllerPaths.length > 0 ? controllerPaths : ['/']) {
      for (const methodPath of methodPaths) {
        const local = joinPath(controllerPath, methodPath);
        const excluded = prefix.exclude.some(
          (e) =>
            joinPath(e.path) === local &&
            (e.method === (RequestMethod.ALL as number) || e.method === requestMethod),
        );
        const path = excluded ? local : joinPath(prefix.prefix, local);

        const namedParams = new Map<string, ParamDoc>();
        for (const token of path.matchAll(/:([A-Za-z0-9_]+)/g)) {
          const param = token[1];
          namedParams.set(param, { name: param, type: 'string', rules: [] });
        }
        const query: InputDoc[] = [];
        const body: InputDoc[] = [];
        const requestHeaders: string[] = [];
        for (const arg of args) {
          const paramType = paramTypes[arg.index];
          switch (arg.type) {
            case RouteParamtypes.PARAM: {
              const input = inputOf(arg, paramType, docs);
              for (const field of input.fields) {
                const known = namedParams.get(field.name);
                namedParams.set(field.name, {
                  name: field.name,
                  type: field.type,
                  rules: [...(known?.rules ?? []), ...field.rules],
                  ...(field.doc === undefined ? {} : { doc: field.doc }),
                });
              }
              break;
            }
            case RouteParamtypes.QUERY:
              query.push(inputOf(arg, paramType, docs));
              break;
            case RouteParamtypes.BODY:
              body.push(inputOf(arg, paramType, docs));
              break;
            case RouteParamtypes.HEADERS:
              requestHeaders.push(typeof arg.data === 'string' ? arg.data : '*');
              break;
            case 'custom':
            default:
              break;
          }
        }
        routes.push({
          method,
          path,
          handler: `${controller.name}.${name}`,
          status,
          access: accessOf(handler, controller, guarded),
          revealsPersonalData: Reflect.getMetadata(REVEALS_PERSONAL_DATA, handler) === true,
          guards,
          ...(description === undefined ? {} : { description }),
          pathParams: [...namedParams.values()],
          query,
          body,
          requestHeaders,
          responseHeaders,
        });
      }
    }
  }
  return routes;
}

function eventsOf(controller: Ctor, docs: DocIndex): EventHandlerDoc[] {
  const prototype: unknown = controller.prototype;
  if (!isRecord(prototype)) return [];
  const events: EventHandlerDoc[] = [];
  for (const name of new MetadataScanner().getAllMethodNames(prototype)) {
    const handler: unknown = prototype[name];
    if (typeof handler !== 'function') continue;
    const description = docs.memberDoc(controller.name, name);
    for (const pattern of list(Reflect.getMetadata(PATTERN_METADATA, handler))) {
      events.push({
        topic: typeof pattern === 'string' ? pattern : JSON.stringify(pattern),
        handler: `${controller.name}.${name}`,
        ...(description === undefined ? {} : { description }),
      });
    }
  }
  return events;
}

const METHOD_NAMES = new Map(
  Object.entries(RequestMethod).flatMap(([name, value]) =>
    typeof value === 'number' ? [[value as number, name] as const] : [],
  ),
);

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL'];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeService(spec: ServiceSpec): ServiceDoc {
  const graph = walkModules(spec.module());
  const prefix = prefixOf(spec);
  const docs = new DocIndex([spec.sourceDir, 'libs/platform/src']);
  const routes = graph.controllers
    .flatMap((c) => routesOf(c, graph.accessGuard, prefix, docs))
    .sort(
      (a, b) =>
        compareText(a.path, b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
    );
  const events = graph.controllers
    .flatMap((c) => eventsOf(c, docs))
    .sort((a, b) => compareText(a.topic, b.topic) || compareText(a.handler, b.handler));
  return { name: spec.name, title: spec.title, prefix, accessGuard: graph.accessGuard, routes, events };
}

// ---------------------------------------------------------------------------------------------------
// Markdown

const GENERATED = `<!-- Generated by \`${REGENERATE_COMMAND}\` from the code; do not edit by hand. -->`;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
class Slugger {
  private readonly used = new Map<string, number>();

  slug(heading: string): string {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = this.used.get(base) ?? 0;
    this.used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

function accessSummary(access: AccessDoc): string {
  switch (access.kind) {
    case 'unguarded':
      return 'public';
    case 'public':
      return 'public';
    case 'token': {
      const parts: string[] = [];
      if (access.roles) parts.push(`role ${access.roles.join(' / ')}`);
      if (access.tenant) parts.push(`${access.tenant.roles.join(' / ')} of :${access.tenant.param}`);
      return parts.length > 0 ? parts.join('; ') : 'signed in';
    }
  }
}

function accessDetail(access: AccessDoc): string {
  switch (access.kind) {
    case 'unguarded':
      return 'public (this app has no access guard)';
    case 'public':
      return 'public — no token needed';
    case 'token': {
      const parts = ['bearer access token'];
      if (access.roles) parts.push(`platform role ${access.roles.map(code).join(' or ')}`);
      if (access.tenant) {
        const bypass =
          access.tenant.bypass.length > 0
            ? ` (or platform role ${access.tenant.bypass.map(code).join(' or ')})`
            : '';
        parts.push(
          `institution role ${access.tenant.roles.map(code).join(' or ')} in the institution ${code(`:${access.tenant.param}`)}${bypass}`,
        );
      }
      if (!access.roles && !access.tenant) parts.push('any signed-in user');
      return parts.join('; ');
    }
  }
}

function fieldTable(fields: readonly FieldDoc[]): string[] {
  return table(
    ['Field', 'Type', 'Presence', 'Rules', 'Notes'],
    fields.map((f) => [code(f.name), f.type, f.presence, f.rules.map(code).join(' '), f.doc ?? '']),
  );
}

function inputSection(title: string, inputs: readonly InputDoc[]): string[] {
  const lines: string[] = [];
  for (const input of inputs) {
    if (input.dto === undefined) {
      lines.push(`${title}:`, '', ...fieldTable(input.fields), '');
    } else if (input.fields.length === 0) {
      lines.push(`${title}: ${code(input.dto)} (not validated)`, '');
    } else {
      lines.push(`${title} (${code(input.dto)}):`, '', ...fieldTable(input.fields), '');
    }
  }
  return lines;
}

function routeHeading(route: RouteDoc): string {
  return `${route.method} ${route.path}`;
}

export function renderService(service: ServiceDoc): string {
  const slugger = new Slugger();
  const headings = new Map<RouteDoc, string>();
  const out: string[] = [`# ${service.title} API`, '', GENERATED, ''];
  slugger.slug(`${service.title} API`);

  const prefix = service.prefix.prefix === '' ? undefined : joinPath(service.prefix.prefix);
  if (prefix) {
    const excluded = service.prefix.exclude.map((e) => code(joinPath(e.path))).join(', ');
    out.push(
      `Base path ${code(prefix)}${excluded === '' ? '' : ` (except ${excluded})`}. Through the gateway the paths are the same.`,
    );
  } else {
    out.push('No global prefix: these routes are served by the gateway itself.');
  }
  out.push(
    service.accessGuard
      ? 'Every route needs a bearer access token unless it says public; errors use the shared error body. See [the overview](README.md).'
      : 'This app has no access guard: its routes are public. See [the overview](README.md) for the error body.',
    '',
  );

  out.push('## Routes', '');
  slugger.slug('Routes');
  for (const route of service.routes) headings.set(route, slugger.slug(routeHeading(route)));
  if (service.routes.length === 0) out.push('None besides the above.', '');
  else {
    out.push(
      ...table(
        ['Method', 'Path', 'Access', 'Success'],
        service.routes.map((r) => [
          r.method,
          `[${code(r.path)}](#${headings.get(r) ?? ''})`,
          accessSummary(r.access),
          String(r.status),
        ]),
      ),
      '',
    );
  }

  for (const route of service.routes) {
    out.push(`### ${routeHeading(route)}`, '');
    if (route.description !== undefined) out.push(route.description, '');
    out.push(`- Access: ${accessDetail(route.access)}`);
    out.push(`- Success status: ${route.status}`);
    out.push(`- Handler: ${code(route.handler)}`);
    if (route.guards.length > 0) out.push(`- Guards: ${route.guards.map(code).join(', ')}`);
    if (route.revealsPersonalData)
      out.push(
        '- Reveals personal data: returns full (unmasked) values to an authorised caller; every reveal is recorded',
      );
    if (route.requestHeaders.length > 0)
      out.push(
        `- Request headers: ${route.requestHeaders.map((h) => (h === '*' ? 'all of them (see the description)' : code(h))).join(', ')}`,
      );
    if (route.responseHeaders.length > 0)
      out.push(`- Response headers: ${route.responseHeaders.map(code).join(', ')}`);
    out.push('');
    if (route.pathParams.length > 0) {
      out.push(
        'Path parameters:',
        '',
        ...table(
          ['Name', 'Type', 'Rules', 'Notes'],
          route.pathParams.map((p) => [code(p.name), p.type, p.rules.map(code).join(' '), p.doc ?? '']),
        ),
        '',
      );
    }
    out.push(...inputSection('Query parameters', route.query), ...inputSection('Body', route.body));
  }

  out.push('## Kafka topics consumed', '');
  if (service.events.length === 0) out.push('None.', '');
  else {
    out.push(
      'Logical topic names (the physical name gets `KAFKA_TOPIC_PREFIX` in front when set). Delivery is at least once; the inbox drops duplicates.',
      '',
      ...table(
        ['Topic', 'Handler', 'Notes'],
        service.events.map((e) => [code(e.topic), code(e.handler), e.description ?? '']),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Overview (README)

interface InterfaceField {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly doc?: string;
}

function parseFile(relativePath: string): ts.SourceFile {
  const file = join(ROOT, relativePath);
  const cached = parsedFiles.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  parsedFiles.set(file, source);
  return source;
}

function interfaceFields(relativePath: string, name: string): InterfaceField[] {
  const source = parseFile(relativePath);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!declaration) throw new Error(`api-docs: interface ${name} not found in ${relativePath}`);
  return declaration.members.filter(ts.isPropertySignature).map((m) => {
    const doc = docOf(m);
    return {
      name: m.name.getText(source),
      type: m.type ? m.type.getText(source).replace(/\s+/g, ' ') : 'unknown',
      optional: m.questionToken !== undefined,
      ...(doc === undefined ? {} : { doc }),
    };
  });
}

function errorKinds(): ErrorKind[] {
  const source = parseFile('libs/platform/src/errors/domain-error.ts');
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'ErrorKind',
  );
  if (!alias || !ts.isUnionTypeNode(alias.type)) throw new Error('api-docs: ErrorKind union not found');
  return alias.type.types.flatMap((t) =>
    ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text as ErrorKind] : [],
  );
}

const ERROR_FIELD_MEANINGS: Readonly<Record<string, string | undefined>> = {
  statusCode: 'The HTTP status, repeated.',
  code: 'Stable machine-readable code, `AREA.REASON`.',
  message: 'What went wrong and what to do, for people; may change.',
  details: 'One item per problem (e.g. per broken validation rule), naming the field.',
  correlationId: 'The request id (`x-request-id`); quote it when reporting a problem.',
};

export function renderReadme(services: readonly ServiceDoc[]): string {
  const accountsEnv = loadAccountsEnv({ ...DEV_ENV, JWT_PRIVATE_KEY: devSigningKey() });
  const accounts = services.find((s) => s.name === 'accounts');
  const route = (method: string, suffix: string): string => {
    const found = accounts?.routes.find((r) => r.method === method && r.path.endsWith(suffix));
    if (!found) throw new Error(`api-docs: accounts route ${method} …${suffix} not found`);
    return code(`${found.method} ${found.path}`);
  };
  const out: string[] = ['# API reference', '', GENERATED, ''];
  out.push(
    `Generated from the controllers' metadata (routes, access rules, validation rules, consumed topics) and their JSDoc.`,
    `After changing a controller or a DTO run \`${REGENERATE_COMMAND}\`; \`--check\` (run by test/docs/api-docs.spec.ts in the unit tests) fails while these files are stale.`,
    '',
    '## Services',
    '',
    ...table(
      ['Service', 'Reference', 'Base path', 'Routes', 'Topics consumed'],
      services.map((s) => [
        s.name,
        `[${s.name}.md](${s.name}.md)`,
        s.prefix.prefix === '' ? '—' : code(joinPath(s.prefix.prefix)),
        String(s.routes.length),
        String(s.events.length),
      ]),
    ),
    '',
    `The gateway (port 3000) serves the web UI and its own health routes, and proxies ${UPSTREAM_SERVICES.map((s) => code(`/api/${s}/*`)).join(', ')} unchanged to the services, adding security headers, a body limit and a per-IP rate limit.`,
    'Every service also answers `GET /health/live` (the process runs) and `GET /health/ready` (its database and Kafka answer) outside its prefix.',
    '',
    '## Authentication',
    '',
    `Send \`Authorization: Bearer <access token>\`. Access tokens are ES256 JWTs issued by the accounts service: ${route('POST', '/auth/login')} (or ${route('POST', '/auth/step-up')} when a code is required) returns one, valid for ${accountsEnv.ACCESS_TOKEN_TTL_SECONDS} s by default; ${route('POST', '/auth/refresh')} returns a new one for the httpOnly refresh cookie. Every service verifies tokens itself with the public keys in \`JWT_PUBLIC_KEYS\`, chosen by the token's \`kid\`.`,
    '',
    'Token claims:',
    '',
    ...table(
      ['Claim', 'Type', 'Meaning'],
      interfaceFields('libs/contracts/src/auth/roles.ts', 'AccessTokenClaims').map((f) => [
        code(f.name),
        code(f.type),
        f.doc ?? '',
      ]),
    ),
    '',
    'Access column of the route tables:',
    '',
    '- **public** — no token needed.',
    '- **signed in** — any valid access token.',
    `- **role a / b** — one of these platform roles (${PLATFORM_ROLES.map(code).join(', ')}).`,
    `- **a / b of :param** — one of these institution roles (${ORG_ROLES.map(code).join(', ')}) in the institution named by the path parameter; listed platform roles (normally \`platform_admin\`) bypass it. One institution never sees another's data.`,
    '',
    'A missing, expired or foreign token gets 401 `AUTH.UNAUTHENTICATED`; a missing role 403 `AUTH.ROLE_REQUIRED`; another institution 403 `AUTH.TENANT_FORBIDDEN`.',
    '',
    '## Correlation',
    '',
    'Send `x-request-id` to correlate a request; a well-formed value is kept, otherwise the service generates one. It is echoed in the `x-request-id` response header, is the `correlationId` of an error body, and travels as the trace id with the events the request causes. Quote it when reporting a problem.',
    '',
    '## Errors',
    '',
    'Every error has one body:',
    '',
    '```json',
    '{ "statusCode": 400, "code": "REQUEST.INVALID", "message": "Invalid request. name: name must be 2 to 128 characters", "details": [{ "field": "name", "reason": "name must be 2 to 128 characters" }], "correlationId": "…" }',
    '```',
    '',
    ...table(
      ['Field', 'Type', 'Presence', 'Meaning'],
      interfaceFields('libs/platform/src/errors/error-body.ts', 'ErrorBody').map((f) => [
        code(f.name),
        code(f.type),
        f.optional ? 'optional' : 'always',
        f.doc ?? ERROR_FIELD_MEANINGS[f.name] ?? '',
      ]),
    ),
    '',
    `\`details\` items: ${interfaceFields('libs/platform/src/errors/domain-error.ts', 'ErrorDetail')
      .map((f) => `${code(f.name)}${f.optional ? ' (optional)' : ''}`)
      .join(', ')}. \`code\` is stable (\`AREA.REASON\`); branch on it, not on \`message\`.`,
    '',
    'Request bodies and query strings are validated against the rules listed per route: unknown fields are rejected, each broken rule is one `details` item (400 `REQUEST.INVALID`).',
    '',
    'Status by error kind:',
    '',
    ...table(
      ['Kind', 'Status'],
      errorKinds().map((k) => [code(k), String(statusOf(k))]),
    ),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Entry points

/** Every file of docs/api, keyed by its path relative to the repository root. */
export function renderApiDocs(): Map<string, string> {
  const services = SERVICES.map(describeService);
  const files = new Map<string, string>();
  files.set(relative(ROOT, join(DOCS_DIR, 'README.md')), renderReadme(services));
  for (const service of services)
    files.set(relative(ROOT, join(DOCS_DIR, `${service.name}.md`)), renderService(service));
  return files;
}

function existingDocs(): string[] {
  if (!existsSync(DOCS_DIR)) return [];
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => relative(ROOT, join(DOCS_DIR, f)));
}

/** Paths (relative to the repository root) that are missing, different or no longer generated. */
export function staleApiDocs(files: ReadonlyMap<string, string> = renderApiDocs()): string[] {
  const stale: string[] = [];
  for (const [path, content] of files) {
    const absolute = join(ROOT, path);
    if (!existsSync(absolute) || readFileSync(absolute, 'utf8') !== content) stale.push(path);
  }
  for (const path of existingDocs()) if (!files.has(path)) stale.push(path);
  return stale.sort();
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = renderApiDocs();
  const stale = staleApiDocs(files);
  if (check) {
    if (stale.length > 0) {
      process.stderr.write(`[api-docs] stale: ${stale.join(', ')}\n[api-docs] run ${REGENERATE_COMMAND}\n`);
      process.exit(1);
    }
    process.stdout.write(`[api-docs] ${files.size} files up to date\n`);
    process.exit(0);
  }
  mkdirSync(DOCS_DIR, { recursive: true });
  for (const path of stale) {
    const content = files.get(path);
    if (content === undefined) rmSync(join(ROOT, path));
    else writeFileSync(join(ROOT, path), content);
  }
  process.stdout.write(
    `[api-docs] ${stale.length === 0 ? 'already up to date' : `wrote ${stale.join(', ')}`}\n`,
  );
  // Building the modules started key loading for field encryption; nothing else is left to wait for.
  process.exit(0);
}

if (require.main === module) main();
