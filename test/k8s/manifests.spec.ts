import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { parseTrustProxy } from '../../apps/gateway/src/config/trust-proxy';
import { EXAM_ROOM_PATH_PREFIX } from '../../libs/platform/src/edge/exam-room-paths';
import {
  allSecretEnvNames,
  envNamesOfApp,
  FIELD_ENCRYPTION_SECRET_ENV,
  secretEnvNamesOfApp,
} from '../support/service-env-names';

/**
 * Static consistency checks of the Kustomize tree under k8s/ (and its agreement with
 * docker/compose.yaml). No cluster is needed: every YAML file is parsed and the cross-references
 * a `kubectl apply` would only reveal at run time are checked here.
 */

const ROOT = resolve(__dirname, '..', '..');
const K8S_DIR = join(ROOT, 'k8s');
const BASE_DIR = join(K8S_DIR, 'base');
const COMPOSE_FILE = join(ROOT, 'docker', 'compose.yaml');
const SECRET_NAME = 'exam-platform-secrets';
const NAMESPACE = 'exam-platform';

// ------------------------------------------------------------------------------------------
// The fixed topology.

interface AppSpec {
  readonly port: number;
  readonly database: string | null;
}

const APPS: Readonly<Record<string, AppSpec>> = {
  gateway: { port: 3000, database: null },
  accounts: { port: 3001, database: 'exam_accounts' },
  identity: { port: 3002, database: 'exam_identity' },
  exam: { port: 3003, database: 'exam_exam' },
  payments: { port: 3004, database: 'exam_payments' },
  audit: { port: 3005, database: 'exam_audit' },
};
const APP_NAMES = Object.keys(APPS);
const BACKEND_APPS = APP_NAMES.filter((app) => app !== 'gateway');
const DEV_ONLY_APPS: Readonly<Record<string, AppSpec>> = {
  'authority-sim': { port: 3100, database: null },
  'pay-sim': { port: 3101, database: null },
};

/** Field-encryption variables (libs/crypto CRYPTO_ENV) every backend reads. */
const FIELD_ENCRYPTION_ENV = [
  'FIELD_KEK',
  'FIELD_DATA_KEYS',
  'FIELD_ACTIVE_KEY_ID',
  'BLIND_INDEX_KEYS',
  'BLIND_INDEX_ACTIVE_KEY_ID',
];
/** Secret key in exam-platform-secrets of a field-encryption variable: each service has its own. */
function fieldEncryptionSecretKey(app: string, envName: string): string {
  return `${app}-${envName.toLowerCase().replaceAll('_', '-')}`;
}
const FIELD_ENCRYPTION_SECRET_NAMES = ['FIELD_KEK', 'FIELD_DATA_KEYS', 'BLIND_INDEX_KEYS'];
/** Allowed for the services, but never set by these manifests or compose (tests isolate runs with it). */
const NEVER_SET_ENV = ['KAFKA_TOPIC_PREFIX'];
const AUDIT_CHECKPOINT_CLAIM = 'audit-checkpoints';
const AUDIT_CHECKPOINT_DIR = '/var/lib/exam/audit-checkpoints';
/**
 * Allowed = read by the app's env class (test/support/service-env-names.ts): a name the class does not
 * declare is silently ignored by the service, so setting it is a mistake.
 */
const ALLOWED_ENV: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  [...APP_NAMES, ...Object.keys(DEV_ONLY_APPS)].map((app) => [app, envNamesOfApp(app)]),
);
/**
 * Env vars whose values are secret: they may only come from the Secret, never a ConfigMap. Derived from
 * `@Secret()` in the env classes, plus the field-encryption key material (FIELD_KEK, FIELD_DATA_KEYS,
 * BLIND_INDEX_KEYS: optional fields of BaseServiceEnv without `@Secret()`, checked by @exam/crypto).
 */
const SECRET_ENV: ReadonlySet<string> = allSecretEnvNames();
/**
 * Secrets every container of an app needs in production (the migrate init container loads the same env):
 * each `@Secret()` name of its env class, as `loadConfig` refuses a missing or placeholder value for it
 * with NODE_ENV=production, plus the field-encryption keys for the backends.
 */
function requiredSecretEnvOf(app: string): string[] {
  const own = [...secretEnvNamesOfApp(app)];
  return BACKEND_APPS.includes(app) ? [...new Set([...own, ...FIELD_ENCRYPTION_SECRET_ENV])] : own;
}

/** Own-property lookup that admits the key may be missing. */
function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function allowedEnvFor(app: string): ReadonlySet<string> {
  return lookup(ALLOWED_ENV, app) ?? new Set<string>();
}

// ------------------------------------------------------------------------------------------
// Untyped YAML access through small type guards.

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function getString(value: unknown, ...path: readonly string[]): string | undefined {
  const found = get(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

function getArray(value: unknown, ...path: readonly string[]): readonly unknown[] {
  const found = get(value, ...path);
  return Array.isArray(found) ? (found as unknown[]) : [];
}

function getRecord(value: unknown, ...path: readonly string[]): UnknownRecord {
  const found = get(value, ...path);
  return isRecord(found) ? found : {};
}

function stringMap(value: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(getRecord(value))) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}

/** Every label of `selector` is present with the same value in `labels`. */
function selects(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

// ------------------------------------------------------------------------------------------
// Loading.

interface ParsedFile {
  readonly path: string;
  readonly docs: readonly unknown[];
  readonly errors: readonly string[];
}

interface K8sObject {
  readonly kind: string;
  readonly name: string;
  readonly file: string;
  readonly body: UnknownRecord;
}

interface PatchRef {
  readonly path: string;
  readonly target: UnknownRecord | null;
}

interface Layer {
  readonly dir: string;
  readonly kustomization: UnknownRecord;
  /** Resources of this kustomization, including those of the bases it lists. */
  readonly objects: readonly K8sObject[];
  readonly patches: readonly PatchRef[];
  /** Files (absolute) referenced by this kustomization itself. */
  readonly referencedFiles: ReadonlySet<string>;
  /** Every problem found while resolving references. */
  readonly problems: readonly string[];
}

function rel(path: string): string {
  return relative(ROOT, path);
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const parsedCache = new Map<string, ParsedFile>();

function parseFile(path: string): ParsedFile {
  const cached = parsedCache.get(path);
  if (cached) return cached;
  const documents = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const errors = list.flatMap((doc) => doc.errors.map((error) => `${rel(path)}: ${error.message}`));
  const docs = list.map((doc) => doc.toJS() as unknown).filter((doc) => doc !== null && doc !== undefined);
  const parsed: ParsedFile = { path, docs, errors };
  parsedCache.set(path, parsed);
  return parsed;
}

function objectsOf(file: ParsedFile): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of file.docs) {
    const kind = getString(doc, 'kind');
    const name = getString(doc, 'metadata', 'name');
    if (isRecord(doc) && kind !== undefined && name !== undefined)
      out.push({ kind, name, file: file.path, body: doc });
  }
  return out;
}

function patchRefs(kustomization: UnknownRecord, dir: string): PatchRef[] {
  const refs: PatchRef[] = [];
  for (const entry of getArray(kustomization, 'patches')) {
    const path = getString(entry, 'path');
    if (path !== undefined) {
      const target = get(entry, 'target');
      refs.push({ path: resolve(dir, path), target: isRecord(target) ? target : null });
    }
  }
  for (const entry of [
    ...getArray(kustomization, 'patchesStrategicMerge'),
    ...getArray(kustomization, 'patchesJson6902').map((p) => getString(p, 'path')),
  ]) {
    if (typeof entry === 'string') refs.push({ path: resolve(dir, entry), target: null });
  }
  return refs;
}

const layerCache = new Map<string, Layer>();

function loadLayer(dir: string): Layer {
  const cached = layerCache.get(dir);
  if (cached) return cached;
  const problems: string[] = [];
  const kustomizationFile = join(dir, 'kustomization.yaml');
  const kustomization = getRecord(parseFile(kustomizationFile).docs[0]);
  const objects: K8sObject[] = [];
  const referencedFiles = new Set<string>();

  for (const entry of [...getArray(kustomization, 'resources'), ...getArray(kustomization, 'components')]) {
    if (typeof entry !== 'string') {
      problems.push(`${rel(kustomizationFile)}: resource entry is not a string`);
      continue;
    }
    const path = resolve(dir, entry);
    if (!existsSync(path)) {
      problems.push(`${rel(kustomizationFile)}: lists missing ${entry}`);
    } else if (statSync(path).isDirectory()) {
      if (!existsSync(join(path, 'kustomization.yaml'))) {
        problems.push(`${rel(kustomizationFile)}: ${entry} has no kustomization.yaml`);
        continue;
      }
      const inner = loadLayer(path);
      objects.push(...inner.objects);
      problems.push(...inner.problems);
    } else {
      referencedFiles.add(path);
      objects.push(...objectsOf(parseFile(path)));
    }
  }

  const patches = patchRefs(kustomization, dir);
  for (const patch of patches) {
    referencedFiles.add(patch.path);
    if (!existsSync(patch.path))
      problems.push(`${rel(kustomizationFile)}: lists missing patch ${rel(patch.path)}`);
  }

  const layer: Layer = { dir, kustomization, objects, patches, referencedFiles, problems };
  layerCache.set(dir, layer);
  return layer;
}

function kustomizationDirs(): string[] {
  return yamlFilesUnder(K8S_DIR)
    .filter((path) => basename(path) === 'kustomization.yaml')
    .map((path) => dirname(path));
}

function layers(): Layer[] {
  return kustomizationDirs().map((dir) => loadLayer(dir));
}

function ofKind(layer: Layer, kind: string): K8sObject[] {
  return layer.objects.filter((object) => object.kind === kind);
}

function appOf(object: K8sObject): string {
  return getString(object.body, 'metadata', 'labels', 'app.kubernetes.io/name') ?? object.name;
}

function where(object: K8sObject): string {
  return `${object.kind}/${object.name} (${rel(object.file)})`;
}

// ------------------------------------------------------------------------------------------
// Pod-spec helpers.

interface Container {
  readonly name: string;
  readonly init: boolean;
  readonly body: unknown;
}

function podSpec(deployment: K8sObject): UnknownRecord {
  return getRecord(deployment.body, 'spec', 'template', 'spec');
}

function containersOf(deployment: K8sObject): Container[] {
  const spec = podSpec(deployment);
  const build = (init: boolean) => (body: unknown) => ({ name: getString(body, 'name') ?? '?', init, body });
  return [
    ...getArray(spec, 'initContainers').map(build(true)),
    ...getArray(spec, 'containers').map(build(false)),
  ];
}

function mainContainers(deployment: K8sObject): Container[] {
  return containersOf(deployment).filter((container) => !container.init);
}

interface EnvUse {
  readonly envName: string | null;
  readonly configMap: string | null;
  readonly secret: string | null;
  readonly secretKey: string | null;
}

function envUses(deployment: K8sObject): EnvUse[] {
  const uses: EnvUse[] = [];
  for (const container of containersOf(deployment)) {
    for (const from of getArray(container.body, 'envFrom')) {
      const configMap = getString(from, 'configMapRef', 'name') ?? null;
      const secret = getString(from, 'secretRef', 'name') ?? null;
      uses.push({ envName: null, configMap, secret, secretKey: null });
    }
    for (const env of getArray(container.body, 'env')) {
      uses.push({
        envName: getString(env, 'name') ?? null,
        configMap: getString(env, 'valueFrom', 'configMapKeyRef', 'name') ?? null,
        secret: getString(env, 'valueFrom', 'secretKeyRef', 'name') ?? null,
        secretKey: getString(env, 'valueFrom', 'secretKeyRef', 'key') ?? null,
      });
    }
  }
  for (const volume of getArray(podSpec(deployment), 'volumes')) {
    const configMap = getString(volume, 'configMap', 'name') ?? null;
    const secret = getString(volume, 'secret', 'secretName') ?? null;
    if (configMap !== null || secret !== null)
      uses.push({ envName: null, configMap, secret, secretKey: null });
  }
  return uses;
}

function containerPorts(container: Container): { name: string | undefined; port: unknown }[] {
  return getArray(container.body, 'ports').map((port) => ({
    name: getString(port, 'name'),
    port: get(port, 'containerPort'),
  }));
}

function resolvesToContainerPort(deployment: K8sObject, target: unknown): boolean {
  return mainContainers(deployment).some((container) =>
    containerPorts(container).some((port) =>
      typeof target === 'string' ? port.name === target : port.port === target,
    ),
  );
}

/** Parses a kustomize `labelSelector` of the `k=v[,k=v]` form (the only form used here). */
function parseLabelSelector(selector: string | undefined): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const term of (selector ?? '').split(',').filter((part) => part.trim() !== '')) {
    const [key = '', value = ''] = term.split('=');
    out[key.trim()] = value.trim();
  }
  return out;
}

/** The objects of `layer` a patch applies to (by its target, or by the objects it contains). */
function patchTargets(layer: Layer, patch: PatchRef): K8sObject[] {
  if (patch.target === null) {
    const named = objectsOf(parseFile(patch.path));
    return layer.objects.filter((object) =>
      named.some((candidate) => candidate.kind === object.kind && candidate.name === object.name),
    );
  }
  const kind = getString(patch.target, 'kind');
  const name = getString(patch.target, 'name');
  const labels = parseLabelSelector(getString(patch.target, 'labelSelector'));
  return layer.objects.filter(
    (object) =>
      (kind === undefined || object.kind === kind) &&
      (name === undefined || object.name === name) &&
      Object.entries(labels).every(
        ([key, value]) => getString(object.body, 'metadata', 'labels', key) === value,
      ),
  );
}

interface JsonPatchOp {
  readonly op: string | undefined;
  readonly path: string;
  readonly value: unknown;
}

/** The operations of a JSON 6902 patch file (empty for a strategic-merge patch). */
function jsonPatchOps(patch: PatchRef): JsonPatchOp[] {
  return parseFile(patch.path)
    .docs.filter((doc): doc is unknown[] => Array.isArray(doc))
    .flat()
    .map((op) => ({ op: getString(op, 'op'), path: getString(op, 'path') ?? '', value: get(op, 'value') }));
}

function deploymentsSelectedBy(layer: Layer, service: K8sObject): K8sObject[] {
  const selector = stringMap(get(service.body, 'spec', 'selector'));
  return ofKind(layer, 'Deployment').filter((deployment) =>
    selects(selector, stringMap(get(deployment.body, 'spec', 'template', 'metadata', 'labels'))),
  );
}

function serviceHasPort(service: K8sObject, port: UnknownRecord): boolean {
  const byName = getString(port, 'name');
  const byNumber = get(port, 'number');
  return getArray(service.body, 'spec', 'ports').some((entry) =>
    byName !== undefined ? getString(entry, 'name') === byName : get(entry, 'port') === byNumber,
  );
}

function loadCompose(): UnknownRecord {
  const file = parseFile(COMPOSE_FILE);
  expect(file.errors).toEqual([]);
  return getRecord(file.docs[0]);
}

function composeEnvironment(service: unknown): Readonly<Record<string, string>> {
  const environment = get(service, 'environment');
  const out: Record<string, string> = {};
  if (Array.isArray(environment)) {
    for (const entry of environment as unknown[]) {
      if (typeof entry === 'string') {
        const [key = '', ...rest] = entry.split('=');
        out[key] = rest.join('=');
      }
    }
  } else {
    for (const [key, value] of Object.entries(getRecord(environment))) {
      out[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return out;
}

/** The key in exam-platform-secrets an env var is read from: its name in kebab case (DATABASE_URL per app). */
function secretKeyFor(app: string, envName: string): string {
  const key = envName.toLowerCase().replaceAll('_', '-');
  return envName === 'DATABASE_URL' || FIELD_ENCRYPTION_ENV.includes(envName) ? `${app}-${key}` : key;
}

/**
 * The data of ConfigMap `name` as the layer renders it: the listed object with the layer's strategic-merge
 * ConfigMap patches and JSON 6902 `/data/<KEY>` operations applied in order.
 */
function effectiveConfigMapData(layer: Layer, name: string): Readonly<Record<string, string>> {
  const configMap = ofKind(layer, 'ConfigMap').find((candidate) => candidate.name === name);
  if (configMap === undefined) return {};
  const data = new Map(Object.entries(stringMap(get(configMap.body, 'data'))));
  for (const patch of layer.patches.filter((candidate) => existsSync(candidate.path))) {
    if (!patchTargets(layer, patch).includes(configMap)) continue;
    for (const object of objectsOf(parseFile(patch.path))) {
      if (object.kind === 'ConfigMap' && object.name === name)
        for (const [key, value] of Object.entries(stringMap(get(object.body, 'data')))) data.set(key, value);
    }
    for (const op of jsonPatchOps(patch)) {
      const key = /^\/data\/([^/]+)$/.exec(op.path)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
      if (key === undefined) continue;
      if (op.op === 'remove') data.delete(key);
      else if ((op.op === 'add' || op.op === 'replace') && typeof op.value === 'string')
        data.set(key, op.value);
    }
  }
  return Object.fromEntries(data);
}

// ------------------------------------------------------------------------------------------

describe('k8s manifests', () => {
  const allYaml = yamlFilesUnder(K8S_DIR);
  const base = loadLayer(BASE_DIR);
  const overlays = kustomizationDirs()
    .filter((dir) => dir !== BASE_DIR)
    .map((dir) => loadLayer(dir));

  it('should find a base and the dev and prod overlays', () => {
    expect(kustomizationDirs().map(rel).sort()).toEqual(
      ['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod'].sort(),
    );
  });

  it('should parse every YAML file under k8s/ without errors', () => {
    expect(allYaml.length).toBeGreaterThan(0);
    const errors = allYaml.flatMap((path) => parseFile(path).errors);
    expect(errors).toEqual([]);
    const empty = allYaml.filter((path) => parseFile(path).docs.length === 0).map(rel);
    expect(empty).toEqual([]);
  });

  it('should list only existing files in every kustomization.yaml', () => {
    expect(layers().flatMap((layer) => layer.problems)).toEqual([]);
  });

  it('should list every YAML file of the base and of each overlay in its kustomization.yaml', () => {
    const unlisted: string[] = [];
    const kustomizations = new Set(kustomizationDirs());
    for (const layer of layers()) {
      const own = allYaml.filter((path) => {
        if (path === join(layer.dir, 'kustomization.yaml')) return false;
        // A file belongs to the nearest enclosing kustomization directory.
        let dir = dirname(path);
        while (!kustomizations.has(dir) && dir.startsWith(K8S_DIR)) dir = dirname(dir);
        return dir === layer.dir;
      });
      unlisted.push(...own.filter((path) => !layer.referencedFiles.has(path)).map(rel));
    }
    expect(unlisted).toEqual([]);
  });

  it('should put every object into the exam-platform namespace', () => {
    for (const layer of layers()) {
      expect({ dir: rel(layer.dir), namespace: get(layer.kustomization, 'namespace') }).toEqual({
        dir: rel(layer.dir),
        namespace: NAMESPACE,
      });
    }
    const namespaces = ofKind(base, 'Namespace').map((object) => object.name);
    expect(namespaces).toEqual([NAMESPACE]);
  });

  it('should define a Deployment, Service, ConfigMap and PodDisruptionBudget for every app in base', () => {
    for (const app of APP_NAMES) {
      const kinds = base.objects.filter((object) => appOf(object) === app).map((object) => object.kind);
      const extra = app === 'audit' ? ['PersistentVolumeClaim'] : [];
      expect({ app, kinds: [...kinds].sort() }).toEqual({
        app,
        kinds: ['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Service', ...extra].sort(),
      });
    }
  });

  it('should keep authority-sim out of base and deploy it only in the dev overlay', () => {
    const names = (layer: Layer): string[] => layer.objects.map((object) => `${object.kind}/${object.name}`);
    expect(names(base).filter((name) => name.includes('authority-sim'))).toEqual([]);
    const dev = loadLayer(join(K8S_DIR, 'overlays', 'dev'));
    expect(names(dev)).toEqual(expect.arrayContaining(['Deployment/authority-sim', 'Service/authority-sim']));
    const prod = loadLayer(join(K8S_DIR, 'overlays', 'prod'));
    expect(names(prod).filter((name) => name.includes('authority-sim'))).toEqual([]);
  });

  it('should run 2 replicas of every app in base, 1 in dev and at least 2 in prod', () => {
    for (const deployment of ofKind(base, 'Deployment')) {
      expect({ deployment: deployment.name, replicas: get(deployment.body, 'spec', 'replicas') }).toEqual({
        deployment: deployment.name,
        replicas: 2,
      });
    }
    const counts = (overlay: string): Record<string, unknown> => {
      const kustomization = loadLayer(join(K8S_DIR, 'overlays', overlay)).kustomization;
      const out: Record<string, unknown> = {};
      for (const entry of getArray(kustomization, 'replicas'))
        out[getString(entry, 'name') ?? '?'] = get(entry, 'count');
      return out;
    };
    const dev = counts('dev');
    const prod = counts('prod');
    for (const app of APP_NAMES) {
      expect({ app, dev: dev[app] }).toEqual({ app, dev: 1 });
      const prodCount = prod[app];
      expect(typeof prodCount === 'number' && prodCount >= 2 ? app : `${app}: ${String(prodCount)}`).toBe(
        app,
      );
    }
  });

  it('should give every container CPU and memory requests and limits', () => {
    for (const layer of layers()) {
      for (const deployment of ofKind(layer, 'Deployment')) {
        for (const container of containersOf(deployment)) {
          const resources = get(container.body, 'resources');
          const label = `${where(deployment)} container ${container.name}`;
          for (const section of ['requests', 'limits']) {
            for (const resource of ['cpu', 'memory']) {
              const value = get(resources, section, resource);
              expect(`${label} ${section}.${resource}: ${typeof value}`).toMatch(/: (string|number)$/);
            }
          }
        }
      }
    }
  });

  it('should probe /health/live for startup and liveness and /health/ready for readiness', () => {
    for (const layer of layers()) {
      for (const deployment of ofKind(layer, 'Deployment')) {
        for (const container of mainContainers(deployment)) {
          const probe = (name: string): unknown => ({
            path: getString(container.body, name, 'httpGet', 'path'),
            portResolves: resolvesToContainerPort(deployment, get(container.body, name, 'httpGet', 'port')),
          });
          const label = where(deployment);
          expect({ label, probe: probe('livenessProbe') }).toEqual({
            label,
            probe: { path: '/health/live', portResolves: true },
          });
          expect({ label, probe: probe('readinessProbe') }).toEqual({
            label,
            probe: { path: '/health/ready', portResolves: true },
          });
          expect({ label, probe: probe('startupProbe') }).toEqual({
            label,
            probe: { path: '/health/live', portResolves: true },
          });
        }
      }
    }
  });

  it('should expose on each Deployment the port of the topology table, matching HTTP_PORT and its Service', () => {
    const table: Readonly<Record<string, AppSpec>> = { ...APPS, ...DEV_ONLY_APPS };
    for (const layer of layers()) {
      const configMaps = ofKind(layer, 'ConfigMap');
      for (const deployment of ofKind(layer, 'Deployment')) {
        const app = appOf(deployment);
        const spec = lookup(table, app);
        expect({ deployment: deployment.name, known: spec !== undefined }).toEqual({
          deployment: deployment.name,
          known: true,
        });
        if (spec === undefined) continue;
        const ports = mainContainers(deployment).flatMap((container) =>
          containerPorts(container).map((p) => p.port),
        );
        expect({ app, ports }).toEqual({ app, ports: [spec.port] });
        const referenced = new Set(
          envUses(deployment)
            .map((use) => use.configMap)
            .filter((name): name is string => name !== null),
        );
        const httpPorts = [
          ...new Set(
            configMaps
              .filter((configMap) => referenced.has(configMap.name))
              .map((configMap) => getString(configMap.body, 'data', 'HTTP_PORT'))
              .filter((port): port is string => port !== undefined),
          ),
        ];
        expect({ app, httpPorts }).toEqual({ app, httpPorts: [String(spec.port)] });
        const services = ofKind(layer, 'Service').filter((service) =>
          deploymentsSelectedBy(layer, service).includes(deployment),
        );
        expect({ app, services: services.map((service) => service.name) }).toEqual({ app, services: [app] });
        for (const service of services) {
          for (const port of getArray(service.body, 'spec', 'ports')) {
            expect({ app, port: get(port, 'port') }).toEqual({ app, port: spec.port });
            expect({
              app,
              targetResolves: resolvesToContainerPort(deployment, get(port, 'targetPort')),
            }).toEqual({
              app,
              targetResolves: true,
            });
          }
        }
      }
    }
  });

  it('should select the pods of exactly one Deployment with every Service', () => {
    for (const layer of layers()) {
      for (const service of ofKind(layer, 'Service')) {
        const selected = deploymentsSelectedBy(layer, service).map((deployment) => deployment.name);
        expect({ service: where(service), selected }).toEqual({
          service: where(service),
          selected: [service.name],
        });
      }
    }
  });

  it('should point every Ingress backend at an existing Service and port', () => {
    for (const layer of layers()) {
      const ingresses = ofKind(layer, 'Ingress');
      expect(ingresses.length).toBeGreaterThan(0);
      for (const ingress of ingresses) {
        const backends = [
          get(ingress.body, 'spec', 'defaultBackend'),
          ...getArray(ingress.body, 'spec', 'rules').flatMap((rule) =>
            getArray(rule, 'http', 'paths').map((path) => get(path, 'backend')),
          ),
        ].filter((backend) => backend !== undefined);
        for (const backend of backends) {
          const name = getString(backend, 'service', 'name');
          const service = ofKind(layer, 'Service').find((candidate) => candidate.name === name);
          const port = getRecord(backend, 'service', 'port');
          expect({ backend: name, exists: service !== undefined }).toEqual({ backend: name, exists: true });
          if (service)
            expect({ backend: name, port, ok: serviceHasPort(service, port) }).toEqual({
              backend: name,
              port,
              ok: true,
            });
        }
      }
    }
  });

  it('should route the exam room to exam and everything else through the gateway, and nothing more', () => {
    const ingress = ofKind(base, 'Ingress').at(0);
    expect(ingress).toBeDefined();
    const routes: Record<string, string | undefined> = {};
    for (const rule of getArray(ingress!.body, 'spec', 'rules')) {
      for (const path of getArray(rule, 'http', 'paths')) {
        routes[`${getString(path, 'pathType') ?? '?'} ${getString(path, 'path') ?? '?'}`] = getString(
          path,
          'backend',
          'service',
          'name',
        );
      }
    }
    // The exam room's prefix is the one exam counts itself (isExamRoomRoute) and the gateway leaves uncounted.
    expect(routes).toEqual({ 'Prefix /': 'gateway', [`Prefix ${EXAM_ROOM_PATH_PREFIX}`]: 'exam' });
    for (const layer of layers()) {
      for (const candidate of ofKind(layer, 'Ingress')) {
        const backends = [
          get(candidate.body, 'spec', 'defaultBackend'),
          ...getArray(candidate.body, 'spec', 'rules').flatMap((rule) =>
            getArray(rule, 'http', 'paths').map((path) => get(path, 'backend')),
          ),
        ]
          .filter((backend) => backend !== undefined)
          .map((backend) => getString(backend, 'service', 'name') ?? JSON.stringify(backend))
          .sort();
        expect({ ingress: where(candidate), backends: [...new Set(backends)] }).toEqual({
          ingress: where(candidate),
          backends: ['exam', 'gateway'],
        });
      }
      // Overlays may change host and TLS, never the routes.
      for (const patch of layer.patches.filter((candidate) => existsSync(candidate.path))) {
        if (!patchTargets(layer, patch).some((object) => object.kind === 'Ingress')) continue;
        const routing = jsonPatchOps(patch)
          .map((op) => op.path)
          .filter((path) => /\/(http|defaultBackend|backend)(\/|$)/.test(path));
        const strategic = objectsOf(parseFile(patch.path)).filter(
          (object) =>
            object.kind === 'Ingress' && JSON.stringify(get(object.body, 'spec')).includes('backend'),
        );
        expect({ patch: rel(patch.path), routing, strategic: strategic.length }).toEqual({
          patch: rel(patch.path),
          routing: [],
          strategic: 0,
        });
      }
    }
    expect(readFileSync(join(K8S_DIR, 'README.md'), 'utf8')).toContain('the only entry point but one');
  });

  it('should give exam the same exam-room limits, counters and body cap as the gateway and the Ingress', () => {
    for (const layer of layers()) {
      const data = (name: string) =>
        getRecord(ofKind(layer, 'ConfigMap').find((candidate) => candidate.name === name)?.body, 'data');
      const shared = (values: Record<string, unknown> | undefined) => ({
        RATE_LIMIT_ACCOUNT_PER_MINUTE: values?.RATE_LIMIT_ACCOUNT_PER_MINUTE,
        RATE_LIMIT_PER_MINUTE: values?.RATE_LIMIT_PER_MINUTE,
        RATE_LIMIT_NAMESPACE: values?.RATE_LIMIT_NAMESPACE,
        REDIS_URL: values?.REDIS_URL,
        BODY_LIMIT_BYTES: values?.BODY_LIMIT_BYTES,
      });
      const gateway = shared(data('gateway-config'));
      expect(Object.values(gateway).every((value) => typeof value === 'string')).toBe(true);
      expect({ layer: layer.dir, exam: shared(data('exam-config')) }).toEqual({
        layer: layer.dir,
        exam: gateway,
      });
      const ingress = ofKind(layer, 'Ingress').at(0);
      const cap = getString(
        ingress?.body,
        'metadata',
        'annotations',
        'nginx.ingress.kubernetes.io/proxy-body-size',
      );
      expect({ layer: layer.dir, cap }).toEqual({ layer: layer.dir, cap: '1m' });
      expect(gateway.BODY_LIMIT_BYTES).toBe(String(1024 * 1024));
    }
  });

  it('should trust only the Ingress hop at the gateway, never every hop, and give it no secret but the public token keys', () => {
    for (const layer of layers()) {
      const configMap = ofKind(layer, 'ConfigMap').find((candidate) => candidate.name === 'gateway-config');
      const trust = getString(configMap?.body, 'data', 'TRUST_PROXY');
      expect(trust).toBe('1');
      expect(parseTrustProxy(trust)).toBe(1);
      const gateway = ofKind(layer, 'Deployment').find((candidate) => candidate.name === 'gateway');
      // The token public keys (to count signed-in requests per account) are public material kept in the
      // Secret beside their private half; nothing else of the Secret reaches the edge.
      expect(envUses(gateway!).filter((use) => use.secret !== null)).toEqual([
        {
          envName: 'JWT_PUBLIC_KEYS',
          configMap: null,
          secret: 'exam-platform-secrets',
          secretKey: 'jwt-public-keys',
        },
      ]);
    }
  });

  it('should reference only ConfigMaps defined in the same base or overlay', () => {
    for (const layer of layers()) {
      const defined = new Set(ofKind(layer, 'ConfigMap').map((configMap) => configMap.name));
      for (const deployment of ofKind(layer, 'Deployment')) {
        const missing = envUses(deployment)
          .map((use) => use.configMap)
          .filter((name): name is string => name !== null && !defined.has(name));
        expect({ deployment: where(deployment), missing }).toEqual({
          deployment: where(deployment),
          missing: [],
        });
      }
    }
  });

  it('should read secrets only from exam-platform-secrets, with keys documented in k8s/README.md', () => {
    const readme = readFileSync(join(K8S_DIR, 'README.md'), 'utf8');
    for (const layer of layers()) {
      for (const deployment of ofKind(layer, 'Deployment')) {
        for (const use of envUses(deployment).filter((candidate) => candidate.secret !== null)) {
          expect({ deployment: where(deployment), secret: use.secret }).toEqual({
            deployment: where(deployment),
            secret: SECRET_NAME,
          });
          if (use.secretKey !== null) {
            expect({ key: use.secretKey, documented: readme.includes(`\`${use.secretKey}\``) }).toEqual({
              key: use.secretKey,
              documented: true,
            });
          }
        }
      }
    }
    expect(readme).toContain(`kubectl -n ${NAMESPACE} create secret generic ${SECRET_NAME}`);
    // How to generate the values: the crypto library's generator (production) and dev-env (dev).
    expect(readme).toContain('node -r @swc-node/register scripts/generate-field-keys.ts');
    expect(readme).toContain('node dist/scripts/dev-env.js');
    expect(readme).toContain('openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256');
    expect(readme).toContain('openssl genpkey -algorithm ed25519');
    // RSA only where the payment providers' published protocols demand it (WeChat Pay v3, Alipay RSA2).
    const withoutProviders = readme.replace(/# >>> payment providers[\s\S]*# <<< payment providers/, '');
    expect(withoutProviders).not.toBe(readme);
    expect(withoutProviders).not.toMatch(/\bRSA\b/);
    expect(existsSync(join(ROOT, 'scripts', 'generate-field-keys.ts'))).toBe(true);
  });

  it('should never commit a Secret with data or a secretGenerator', () => {
    const files = [...allYaml, ...yamlFilesUnder(join(ROOT, 'docker'))];
    const offenders = files.flatMap((path) =>
      parseFile(path)
        .docs.filter(
          (doc) =>
            getString(doc, 'kind') === 'Secret' &&
            (get(doc, 'data') !== undefined || get(doc, 'stringData') !== undefined),
        )
        .map(() => rel(path)),
    );
    expect(offenders).toEqual([]);
    const generators = layers()
      .filter((layer) => get(layer.kustomization, 'secretGenerator') !== undefined)
      .map((layer) => rel(layer.dir));
    expect(generators).toEqual([]);
  });

  it('should keep secret values out of ConfigMaps and take them from the Secret', () => {
    for (const layer of layers()) {
      for (const configMap of ofKind(layer, 'ConfigMap')) {
        const leaked = Object.keys(getRecord(configMap.body, 'data')).filter((key) => SECRET_ENV.has(key));
        expect({ configMap: where(configMap), leaked }).toEqual({ configMap: where(configMap), leaked: [] });
      }
      for (const deployment of ofKind(layer, 'Deployment')) {
        for (const container of containersOf(deployment)) {
          const inline = getArray(container.body, 'env')
            .filter(
              (env) =>
                SECRET_ENV.has(getString(env, 'name') ?? '') &&
                getString(env, 'valueFrom', 'secretKeyRef', 'name') !== SECRET_NAME,
            )
            .map((env) => getString(env, 'name'));
          expect({ deployment: where(deployment), container: container.name, inline }).toEqual({
            deployment: where(deployment),
            container: container.name,
            inline: [],
          });
        }
      }
    }
  });

  it('should give every app in base a PodDisruptionBudget with minAvailable 1 selecting its pods', () => {
    const budgets = ofKind(base, 'PodDisruptionBudget');
    for (const app of APP_NAMES) {
      const deployment = ofKind(base, 'Deployment').find((candidate) => candidate.name === app);
      expect(deployment).toBeDefined();
      const podLabels = stringMap(get(deployment!.body, 'spec', 'template', 'metadata', 'labels'));
      const matching = budgets.filter((budget) =>
        selects(stringMap(get(budget.body, 'spec', 'selector', 'matchLabels')), podLabels),
      );
      expect({ app, budgets: matching.map((budget) => get(budget.body, 'spec', 'minAvailable')) }).toEqual({
        app,
        budgets: [1],
      });
    }
  });

  it('should use only the allowed env var names in ConfigMaps and Deployments', () => {
    for (const layer of layers()) {
      for (const configMap of ofKind(layer, 'ConfigMap')) {
        const allowed = allowedEnvFor(appOf(configMap));
        const keys = Object.keys(getRecord(configMap.body, 'data'));
        const unknown = keys.filter((key) => !allowed.has(key));
        expect({ configMap: where(configMap), unknown }).toEqual({
          configMap: where(configMap),
          unknown: [],
        });
      }
      for (const deployment of ofKind(layer, 'Deployment')) {
        const allowed = allowedEnvFor(appOf(deployment));
        const unknown = envUses(deployment)
          .map((use) => use.envName)
          .filter((name): name is string => name !== null && !allowed.has(name));
        expect({ deployment: where(deployment), unknown }).toEqual({
          deployment: where(deployment),
          unknown: [],
        });
      }
    }
    // Patches may only touch allowed keys too (strategic-merge and JSON 6902 `/data/<KEY>`).
    for (const layer of layers()) {
      for (const patch of layer.patches.filter((candidate) => existsSync(candidate.path))) {
        for (const object of objectsOf(parseFile(patch.path)).filter(
          (candidate) => candidate.kind === 'ConfigMap',
        )) {
          const allowed = allowedEnvFor(object.name.replace(/-config$/, ''));
          const unknown = Object.keys(getRecord(object.body, 'data')).filter((key) => !allowed.has(key));
          expect({ patch: rel(patch.path), unknown }).toEqual({ patch: rel(patch.path), unknown: [] });
        }
        const dataKeys = jsonPatchOps(patch)
          .map((op) => /^\/data\/([^/]+)$/.exec(op.path)?.[1])
          .filter((key): key is string => key !== undefined);
        for (const configMap of patchTargets(layer, patch).filter((object) => object.kind === 'ConfigMap')) {
          const allowed = allowedEnvFor(appOf(configMap));
          const unknown = dataKeys.filter((key) => !allowed.has(key));
          expect({ patch: rel(patch.path), configMap: configMap.name, unknown }).toEqual({
            patch: rel(patch.path),
            configMap: configMap.name,
            unknown: [],
          });
        }
      }
    }
  });

  it('should derive the allowed and secret env names from the env classes, inherited and optional ones included', () => {
    expect([...allowedEnvFor('accounts')]).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'FIELD_KEK', 'JWT_PRIVATE_KEY', 'CODE_HASH_KEY', 'NOTIFIER']),
    );
    expect([...allowedEnvFor('gateway')]).toEqual(expect.arrayContaining(['REDIS_URL', 'TRUST_PROXY']));
    expect(allowedEnvFor('gateway').has('DATABASE_URL')).toBe(false);
    expect([...SECRET_ENV].sort()).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'JWT_PRIVATE_KEY',
        'CODE_HASH_KEY',
        'SMTP_URL',
        'AUTHORITY_HMAC_SECRET',
        'FACE_CHECK_PRIVATE_KEY',
        'AUDIT_SIGNING_KEY',
        ...FIELD_ENCRYPTION_SECRET_ENV,
      ]),
    );
  });

  it('should supply every production secret of an app from exam-platform-secrets, in every container', () => {
    for (const layer of layers()) {
      for (const deployment of ofKind(layer, 'Deployment')) {
        const app = appOf(deployment);
        for (const container of containersOf(deployment)) {
          const supplied = new Set(
            getArray(container.body, 'env')
              .filter(
                (env) =>
                  getString(env, 'valueFrom', 'secretKeyRef', 'name') === SECRET_NAME &&
                  getString(env, 'valueFrom', 'secretKeyRef', 'key') ===
                    secretKeyFor(app, getString(env, 'name') ?? ''),
              )
              .map((env) => getString(env, 'name')),
          );
          const label = `${where(deployment)} ${container.name}`;
          const missing = requiredSecretEnvOf(app).filter((name) => !supplied.has(name));
          expect({ label, missing }).toEqual({ label, missing: [] });
        }
      }
    }
  });

  it('should deliver account codes by SMTP wherever NODE_ENV is production, and name the face-check key', () => {
    for (const layer of layers()) {
      const accounts = effectiveConfigMapData(layer, 'accounts-config');
      const production = accounts.NODE_ENV === 'production';
      expect({ layer: rel(layer.dir), notifier: accounts.NOTIFIER }).toEqual({
        layer: rel(layer.dir),
        notifier: production ? 'smtp' : 'dev-mailbox',
      });
      const identity = effectiveConfigMapData(layer, 'identity-config');
      // Outside production an empty face-check-private-key means the development key pair, whose kid is fcdev1.
      expect({ layer: rel(layer.dir), production, kid: identity.FACE_CHECK_KEY_ID }).toEqual({
        layer: rel(layer.dir),
        production,
        kid: (production ? expect.not.stringMatching(/^fcdev1$/) : 'fcdev1') as unknown,
      });
      expect(identity.FACE_CHECK_KEY_ID).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    }
    const prod = loadLayer(join(K8S_DIR, 'overlays', 'prod'));
    expect(effectiveConfigMapData(prod, 'accounts-config')).toEqual(
      expect.objectContaining({ NODE_ENV: 'production', NOTIFIER: 'smtp' }),
    );
  });

  it('should only patch objects that exist in the layer', () => {
    for (const layer of layers()) {
      for (const patch of layer.patches.filter((candidate) => existsSync(candidate.path))) {
        const hasTarget = patch.target !== null || objectsOf(parseFile(patch.path)).length > 0;
        expect({ patch: rel(patch.path), hasTarget }).toEqual({ patch: rel(patch.path), hasTarget: true });
        const expected =
          patch.target === null
            ? objectsOf(parseFile(patch.path)).map((object) => `${object.kind}/${object.name}`)
            : [];
        const matched = patchTargets(layer, patch).map((object) => `${object.kind}/${object.name}`);
        expect({ patch: rel(patch.path), matched: matched.length > 0 }).toEqual({
          patch: rel(patch.path),
          matched: true,
        });
        expect({
          patch: rel(patch.path),
          missing: expected.filter((name) => !matched.includes(name)),
        }).toEqual({
          patch: rel(patch.path),
          missing: [],
        });
      }
    }
  });

  it('should give every backend container the field-encryption keys, the secret ones from the Secret', () => {
    for (const layer of layers()) {
      const configMaps = ofKind(layer, 'ConfigMap');
      for (const app of BACKEND_APPS) {
        const deployment = ofKind(layer, 'Deployment').find((candidate) => candidate.name === app);
        expect(deployment).toBeDefined();
        for (const container of containersOf(deployment!)) {
          const label = `${where(deployment!)} ${container.name}`;
          const fromConfigMaps = new Set(
            getArray(container.body, 'envFrom')
              .map((from) => getString(from, 'configMapRef', 'name'))
              .flatMap((name) => configMaps.filter((configMap) => configMap.name === name))
              .flatMap((configMap) => Object.keys(getRecord(configMap.body, 'data'))),
          );
          const fromSecret: Record<string, string> = {};
          for (const env of getArray(container.body, 'env')) {
            const key = getString(env, 'valueFrom', 'secretKeyRef', 'key');
            if (getString(env, 'valueFrom', 'secretKeyRef', 'name') === SECRET_NAME && key !== undefined)
              fromSecret[getString(env, 'name') ?? '?'] = key;
          }
          const missing = FIELD_ENCRYPTION_ENV.filter(
            (name) => !Object.hasOwn(fromSecret, name) && !fromConfigMaps.has(name),
          );
          expect({ label, missing }).toEqual({ label, missing: [] });
          for (const name of FIELD_ENCRYPTION_SECRET_NAMES) {
            const key = fieldEncryptionSecretKey(app, name);
            expect({ label, name, key: lookup(fromSecret, name) }).toEqual({ label, name, key });
          }
        }
      }
    }
  });

  it('should give no two services the same field-encryption or blind-index secret', () => {
    for (const layer of layers()) {
      const owners = new Map<string, Set<string>>();
      for (const deployment of ofKind(layer, 'Deployment')) {
        for (const container of containersOf(deployment)) {
          for (const env of getArray(container.body, 'env')) {
            const name = getString(env, 'name') ?? '';
            const key = getString(env, 'valueFrom', 'secretKeyRef', 'key');
            if (!FIELD_ENCRYPTION_ENV.includes(name) || key === undefined) continue;
            const secret = `${getString(env, 'valueFrom', 'secretKeyRef', 'name') ?? ''}/${key}`;
            owners.set(secret, new Set([...(owners.get(secret) ?? []), appOf(deployment)]));
          }
        }
      }
      const shared = [...owners].filter(([, apps]) => apps.size > 1).map(([secret]) => secret);
      expect({ layer: rel(layer.dir), shared }).toEqual({ layer: rel(layer.dir), shared: [] });
      expect(owners.size).toBeGreaterThanOrEqual(BACKEND_APPS.length * FIELD_ENCRYPTION_SECRET_NAMES.length);
    }
  });

  it('should never mention the removed BLIND_INDEX_KEY or set KAFKA_TOPIC_PREFIX', () => {
    const files = [
      ...allYaml,
      join(K8S_DIR, 'README.md'),
      COMPOSE_FILE,
      join(ROOT, 'docker', '.env.example'),
    ];
    // (The key generator's `--add-blind-index-key` flag is fine.)
    const removedName = /(?<![\w-])(BLIND_INDEX_KEY|blind-index-key)(?![\w-])/;
    const removed = files.filter((path) => removedName.test(readFileSync(path, 'utf8')));
    expect(removed.map(rel)).toEqual([]);
    const yamlFiles = [...allYaml, COMPOSE_FILE];
    for (const name of NEVER_SET_ENV) {
      const setting = yamlFiles.filter((path) => readFileSync(path, 'utf8').includes(name));
      expect({ name, files: setting.map(rel) }).toEqual({ name, files: [] });
    }
  });

  it('should create Kafka topics with replication factor 3 in prod', () => {
    const prod = loadLayer(join(K8S_DIR, 'overlays', 'prod'));
    const patched = new Set<string>();
    for (const patch of prod.patches.filter((candidate) => existsSync(candidate.path))) {
      const sets = jsonPatchOps(patch).some(
        (op) =>
          (op.op === 'add' || op.op === 'replace') &&
          op.path === '/data/KAFKA_REPLICATION_FACTOR' &&
          op.value === '3',
      );
      if (sets) for (const object of patchTargets(prod, patch)) patched.add(object.name);
    }
    expect([...patched].sort()).toEqual(BACKEND_APPS.map((app) => `${app}-config`).sort());
    for (const app of BACKEND_APPS) {
      const configMap = ofKind(base, 'ConfigMap').find((candidate) => candidate.name === `${app}-config`);
      expect({ app, factor: getString(configMap?.body, 'data', 'KAFKA_REPLICATION_FACTOR') }).toEqual({
        app,
        factor: '1',
      });
    }
  });

  it('should keep audit checkpoints on the audit-checkpoints claim, outside the database, with the signing key', () => {
    for (const layer of layers()) {
      const claim = ofKind(layer, 'PersistentVolumeClaim').find(
        (candidate) => candidate.name === AUDIT_CHECKPOINT_CLAIM,
      );
      expect({ layer: rel(layer.dir), claim: claim !== undefined }).toEqual({
        layer: rel(layer.dir),
        claim: true,
      });
      const configMap = ofKind(layer, 'ConfigMap').find((candidate) => candidate.name === 'audit-config');
      expect(getString(configMap?.body, 'data', 'AUDIT_CHECKPOINT_DIR')).toBe(AUDIT_CHECKPOINT_DIR);
      const deployment = ofKind(layer, 'Deployment').find((candidate) => candidate.name === 'audit');
      expect(deployment).toBeDefined();
      const volumes = getArray(podSpec(deployment!), 'volumes').filter(
        (volume) => getString(volume, 'persistentVolumeClaim', 'claimName') === AUDIT_CHECKPOINT_CLAIM,
      );
      expect(volumes.length).toBe(1);
      const volumeName = getString(volumes[0], 'name');
      const [main] = mainContainers(deployment!);
      const mounts = getArray(main.body, 'volumeMounts')
        .filter((mount) => getString(mount, 'name') === volumeName)
        .map((mount) => ({ path: getString(mount, 'mountPath'), readOnly: get(mount, 'readOnly') ?? false }));
      expect(mounts).toEqual([{ path: AUDIT_CHECKPOINT_DIR, readOnly: false }]);
      const signingKey = getArray(main.body, 'env').find(
        (env) => getString(env, 'name') === 'AUDIT_SIGNING_KEY',
      );
      expect({
        secret: getString(signingKey, 'valueFrom', 'secretKeyRef', 'name'),
        key: getString(signingKey, 'valueFrom', 'secretKeyRef', 'key'),
      }).toEqual({ secret: SECRET_NAME, key: 'audit-signing-key' });
    }
    // Several replicas on several nodes append to the same files.
    const claim = ofKind(base, 'PersistentVolumeClaim').find(
      (candidate) => candidate.name === AUDIT_CHECKPOINT_CLAIM,
    );
    expect(getArray(claim?.body, 'spec', 'accessModes')).toEqual(['ReadWriteMany']);
  });

  it('should run every container non-root with a read-only root filesystem and no capabilities', () => {
    for (const layer of layers()) {
      for (const deployment of ofKind(layer, 'Deployment')) {
        const pod = get(podSpec(deployment), 'securityContext');
        expect({ deployment: where(deployment), runAsNonRoot: get(pod, 'runAsNonRoot') }).toEqual({
          deployment: where(deployment),
          runAsNonRoot: true,
        });
        for (const container of containersOf(deployment)) {
          const context = get(container.body, 'securityContext');
          expect({
            container: `${where(deployment)} ${container.name}`,
            runAsNonRoot: get(context, 'runAsNonRoot'),
            readOnlyRootFilesystem: get(context, 'readOnlyRootFilesystem'),
            allowPrivilegeEscalation: get(context, 'allowPrivilegeEscalation'),
            drop: getArray(context, 'capabilities', 'drop'),
          }).toEqual({
            container: `${where(deployment)} ${container.name}`,
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            drop: ['ALL'],
          });
        }
      }
    }
  });

  it('should migrate in an init container for every app with a database, and start main.js', () => {
    for (const [app, spec] of Object.entries(APPS)) {
      const deployment = ofKind(base, 'Deployment').find((candidate) => candidate.name === app);
      expect(deployment).toBeDefined();
      const args = (container: Container): string => getArray(container.body, 'args').join(' ');
      const init = containersOf(deployment!)
        .filter((container) => container.init)
        .map(args);
      const main = mainContainers(deployment!).map(args);
      expect({ app, main }).toEqual({ app, main: [`node dist/apps/${app}/src/main.js`] });
      expect({ app, init }).toEqual({
        app,
        init: spec.database ? [`node dist/apps/${app}/src/migrate.js`] : [],
      });
      const configMap = ofKind(base, 'ConfigMap').find((candidate) => candidate.name === `${app}-config`);
      expect(configMap).toBeDefined();
      const data = stringMap(get(configMap!.body, 'data'));
      if (spec.database) {
        expect({ app, name: data.DATABASE_NAME, run: data.DB_MIGRATIONS_RUN }).toEqual({
          app,
          name: spec.database,
          run: 'false',
        });
      }
    }
  });

  it('should agree with docker/compose.yaml on services, ports, databases and env names', () => {
    const services = getRecord(loadCompose(), 'services');
    for (const [app, spec] of Object.entries({ ...APPS, ...DEV_ONLY_APPS })) {
      const environment = composeEnvironment(services[app]);
      expect({ app, port: environment.HTTP_PORT, database: environment.DATABASE_NAME }).toEqual({
        app,
        port: String(spec.port),
        database: spec.database ?? undefined,
      });
      const allowed = allowedEnvFor(app);
      const unknown = Object.keys(environment).filter((key) => !allowed.has(key));
      expect({ app, unknown }).toEqual({ app, unknown: [] });
    }
    for (const overlay of overlays) {
      for (const configMap of ofKind(overlay, 'ConfigMap')) {
        const composeEnv = composeEnvironment(services[appOf(configMap)]);
        expect({ configMap: configMap.name, port: getString(configMap.body, 'data', 'HTTP_PORT') }).toEqual({
          configMap: configMap.name,
          port: composeEnv.HTTP_PORT,
        });
      }
    }
  });
});
