import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseAllDocuments } from 'yaml';

import {
  allSecretEnvNames,
  envNamesOfApp,
  FIELD_ENCRYPTION_SECRET_ENV,
  secretEnvNamesOfApp,
} from '../support/service-env-names';

/**
 * Static consistency checks of the local stack: docker/compose.yaml, docker/.env.example,
 * the MySQL init script, the Dockerfile and the root .dockerignore. No Docker engine needed.
 */

const ROOT = resolve(__dirname, '..', '..');
const DOCKER_DIR = join(ROOT, 'docker');

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
  'authority-sim': { port: 3100, database: null },
  'pay-sim': { port: 3101, database: null },
};
const BACKEND_APPS = ['accounts', 'identity', 'exam', 'payments', 'audit'];
const INFRA = ['mysql', 'kafka', 'redis'];

const FIELD_ENCRYPTION_ENV = [
  'FIELD_KEK',
  'FIELD_DATA_KEYS',
  'FIELD_ACTIVE_KEY_ID',
  'BLIND_INDEX_KEYS',
  'BLIND_INDEX_ACTIVE_KEY_ID',
];
/** What compose gives every backend (the shared `x-backend-env` block, HTTP_PORT and DATABASE_NAME). */
const BACKEND_ENV = [
  'NODE_ENV',
  'HTTP_PORT',
  'DATABASE_URL',
  'DATABASE_NAME',
  'KAFKA_BROKERS',
  'KAFKA_REPLICATION_FACTOR',
  'OUTBOX_POLL_SECONDS',
  'CONSUMER_MAX_ATTEMPTS',
  'BODY_LIMIT_BYTES',
  'LOG_LEVEL',
  'DB_MIGRATIONS_RUN',
  'LISTEN_HOST',
  ...FIELD_ENCRYPTION_ENV,
  'JWT_PUBLIC_KEYS',
];
/** Read by the services, but never set here: tests isolate their runs with it. */
const NEVER_SET_ENV = ['KAFKA_TOPIC_PREFIX'];
const AUDIT_CHECKPOINT_DIR = '/var/lib/exam/audit-checkpoints';
/**
 * Allowed = read by the app's env class (test/support/service-env-names.ts): the services ignore any
 * other name, so setting one is a mistake.
 */
const ALLOWED_ENV: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.keys(APPS).map((app) => [app, envNamesOfApp(app)]),
);
/**
 * Variables whose value is a secret: inline values are forbidden, only `${VAR:?...}`. The `@Secret()` names
 * of the env classes, the field-encryption key material (FIELD_KEK, FIELD_DATA_KEYS, BLIND_INDEX_KEYS:
 * optional BaseServiceEnv fields without `@Secret()`, checked by @exam/crypto) and the MySQL passwords.
 */
const SECRET_ENV = [...allSecretEnvNames(), 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD'];
/**
 * Secrets an app needs with NODE_ENV=production (compose's default): every `@Secret()` name of its env class
 * (`loadConfig` refuses a missing or placeholder value), plus the field-encryption keys for the backends.
 */
function requiredSecretEnvOf(app: string): string[] {
  const own = [...secretEnvNamesOfApp(app)];
  return BACKEND_APPS.includes(app) ? [...new Set([...own, ...FIELD_ENCRYPTION_SECRET_ENV])] : own;
}
const REQUIRED_INTERPOLATION = /^\$\{([A-Z][A-Z0-9_]*):\?[^}]*\}$/;

// ------------------------------------------------------------------------------------------

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

function getRecord(value: unknown, ...path: readonly string[]): UnknownRecord {
  const found = get(value, ...path);
  return isRecord(found) ? found : {};
}

function getArray(value: unknown, ...path: readonly string[]): readonly unknown[] {
  const found = get(value, ...path);
  return Array.isArray(found) ? (found as unknown[]) : [];
}

function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `environment:` as a map, whichever of the two compose syntaxes is used. */
function environmentOf(service: unknown): Readonly<Record<string, string>> {
  const environment = get(service, 'environment');
  const out: Record<string, string> = {};
  if (Array.isArray(environment)) {
    for (const entry of environment as unknown[]) {
      const [key = '', ...rest] = scalar(entry).split('=');
      out[key] = rest.join('=');
    }
  } else {
    for (const [key, value] of Object.entries(getRecord(environment))) out[key] = scalar(value);
  }
  return out;
}

/** `depends_on:` as name -> condition (short list syntax means `service_started`). */
function dependsOn(service: unknown): Readonly<Record<string, string>> {
  const raw = get(service, 'depends_on');
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const name of raw as unknown[]) out[scalar(name)] = 'service_started';
  } else {
    for (const [name, options] of Object.entries(getRecord(raw))) {
      out[name] = scalar(get(options, 'condition') ?? 'service_started');
    }
  }
  return out;
}

function healthcheckTest(service: unknown): string {
  const test = get(service, 'healthcheck', 'test');
  return Array.isArray(test) ? (test as unknown[]).map(scalar).join(' ') : scalar(test);
}

/** Every string scalar in a parsed document (the values compose interpolates; comments excluded). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return (value as unknown[]).flatMap(stringsIn);
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

function parseEnvFile(text: string): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) out[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function loadCompose(): { doc: UnknownRecord; errors: string[]; text: string } {
  const text = readFileSync(join(DOCKER_DIR, 'compose.yaml'), 'utf8');
  const parsed = parseAllDocuments(text, { merge: true });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  const errors = documents.flatMap((document) => document.errors.map((error) => error.message));
  const doc: unknown = documents.length === 1 ? documents[0].toJS() : undefined;
  return { doc: isRecord(doc) ? doc : {}, errors, text };
}

// ------------------------------------------------------------------------------------------

describe('docker compose', () => {
  const compose = loadCompose();
  const services = getRecord(compose.doc, 'services');
  const service = (name: string): UnknownRecord => getRecord(services, name);

  it('should parse docker/compose.yaml as a single YAML document without errors', () => {
    expect(compose.errors).toEqual([]);
    expect(Object.keys(services).length).toBeGreaterThan(0);
  });

  it('should define exactly the table services plus mysql, kafka and redis', () => {
    expect(Object.keys(services).sort()).toEqual([...Object.keys(APPS), ...INFRA].sort());
  });

  it('should build every app from docker/Dockerfile with its APP and HTTP_PORT, and run its main.js', () => {
    for (const [app, spec] of Object.entries(APPS)) {
      const definition = service(app);
      expect({
        app,
        dockerfile: get(definition, 'build', 'dockerfile'),
        context: get(definition, 'build', 'context'),
        appArg: scalar(get(definition, 'build', 'args', 'APP')),
        portArg: scalar(get(definition, 'build', 'args', 'HTTP_PORT')),
        command: getArray(definition, 'command').map(scalar).join(' '),
      }).toEqual({
        app,
        dockerfile: 'docker/Dockerfile',
        context: '..',
        appArg: app,
        portArg: String(spec.port),
        command: `node dist/apps/${app}/src/main.js`,
      });
    }
  });

  it('should give every app the HTTP_PORT and DATABASE_NAME of the table', () => {
    for (const [app, spec] of Object.entries(APPS)) {
      const environment = environmentOf(service(app));
      expect({ app, port: environment.HTTP_PORT, database: lookup(environment, 'DATABASE_NAME') }).toEqual({
        app,
        port: String(spec.port),
        database: spec.database ?? undefined,
      });
    }
  });

  it('should give every backend the full backend environment with migrations at boot', () => {
    for (const app of BACKEND_APPS) {
      const environment = environmentOf(service(app));
      const missing = BACKEND_ENV.filter((name) => !Object.hasOwn(environment, name));
      expect({ app, missing }).toEqual({ app, missing: [] });
      expect({
        app,
        migrations: environment.DB_MIGRATIONS_RUN,
        brokers: environment.KAFKA_BROKERS,
        replication: environment.KAFKA_REPLICATION_FACTOR,
      }).toEqual({
        app,
        migrations: 'true',
        brokers: 'kafka:9092',
        replication: '1',
      });
      for (const name of FIELD_ENCRYPTION_ENV) {
        // The service's own set: ACCOUNTS_FIELD_KEK is handed to accounts as FIELD_KEK.
        const own = `${app.toUpperCase()}_${name}`;
        expect({ app, name, value: environment[name] }).toEqual({
          app,
          name,
          value: expect.stringMatching(new RegExp(`^\\$\\{${own}:\\?[^}]*\\}$`)) as unknown,
        });
      }
      expect(environment.DATABASE_URL).toMatch(/^mysql:\/\/exam:\$\{[A-Z_]+:\?[^}]*\}@mysql:3306$/);
    }
  });

  it('should give no two services the same field-encryption or blind-index key, by variable or by value', () => {
    const secretNames = ['FIELD_KEK', 'FIELD_DATA_KEYS', 'BLIND_INDEX_KEYS'];
    const example = parseEnvFile(readFileSync(join(DOCKER_DIR, '.env.example'), 'utf8'));
    for (const name of secretNames) {
      const sources = BACKEND_APPS.map(
        (app) => /^\$\{([A-Z0-9_]+):\?/.exec(environmentOf(service(app))[name] ?? '')?.[1] ?? '',
      );
      expect({ name, sources: new Set(sources).size }).toEqual({ name, sources: BACKEND_APPS.length });
      expect(sources.every((source) => source !== '')).toBe(true);
      // Even the placeholders differ, so a copy-paste of one service's value into another's stands out.
      const values = sources.map((source) => lookup(example, source) ?? '');
      expect({ name, values: new Set(values).size }).toEqual({ name, values: BACKEND_APPS.length });
    }
  });

  it('should set only env var names that the env class of the app reads', () => {
    for (const app of Object.keys(APPS)) {
      const allowed = lookup(ALLOWED_ENV, app) ?? new Set<string>();
      expect({ app, known: allowed.size > 0 }).toEqual({ app, known: true });
      const unknown = Object.keys(environmentOf(service(app))).filter((key) => !allowed.has(key));
      expect({ app, unknown }).toEqual({ app, unknown: [] });
    }
  });

  it('should supply every production secret of every app from docker/.env', () => {
    for (const app of Object.keys(APPS)) {
      const environment = environmentOf(service(app));
      const missing = requiredSecretEnvOf(app).filter((name) => !Object.hasOwn(environment, name));
      expect({ app, missing }).toEqual({ app, missing: [] });
    }
    // Production (compose's default NODE_ENV) refuses the dev-mailbox notifier.
    expect(environmentOf(service('accounts')).NOTIFIER).toMatch(/^(smtp|\$\{NOTIFIER:-smtp\})$/);
    expect(environmentOf(service('accounts')).NODE_ENV).toBe('${NODE_ENV:-production}');
    expect(environmentOf(service('identity')).FACE_CHECK_KEY_ID).toMatch(REQUIRED_INTERPOLATION);
  });

  it('should never set KAFKA_TOPIC_PREFIX', () => {
    for (const name of NEVER_SET_ENV) expect(compose.text).not.toContain(name);
  });

  it('should keep audit checkpoints on the audit-checkpoints named volume, with the signing key required', () => {
    const environment = environmentOf(service('audit'));
    expect(environment.AUDIT_CHECKPOINT_DIR).toBe(AUDIT_CHECKPOINT_DIR);
    expect(environment.AUDIT_SIGNING_KEY).toMatch(REQUIRED_INTERPOLATION);
    expect(getArray(service('audit'), 'volumes').map(scalar)).toEqual([
      `audit-checkpoints:${AUDIT_CHECKPOINT_DIR}`,
    ]);
    expect(Object.keys(getRecord(compose.doc, 'volumes'))).toContain('audit-checkpoints');
    const mounting = Object.keys(services).filter((name) =>
      getArray(service(name), 'volumes')
        .map(scalar)
        .some((volume) => volume.startsWith('audit-checkpoints:')),
    );
    expect(mounting).toEqual(['audit']);
    // An empty named volume takes the owner of the image's mount point: the runtime user.
    const dockerfile = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`chown 1000:1000 ${AUDIT_CHECKPOINT_DIR}`);
  });

  it('should point the gateway at every backend, at Redis, and publish only the gateway on 3000', () => {
    const environment = environmentOf(service('gateway'));
    // Published directly, nothing in front: X-Forwarded-For would come from the client.
    expect(environment.TRUST_PROXY).toBe('false');
    // Services bind loopback unless told otherwise; in containers they must take connections from others.
    expect(environment.LISTEN_HOST).toBe('0.0.0.0');
    for (const app of BACKEND_APPS) expect(environmentOf(service(app)).LISTEN_HOST).toBe('0.0.0.0');
    for (const app of BACKEND_APPS) {
      const port = lookup(APPS, app)?.port ?? 0;
      expect(lookup(environment, `${app.toUpperCase()}_URL`)).toBe(`http://${app}:${port}`);
    }
    expect(environment.REDIS_URL).toBe('redis://redis:6379');
    expect(getArray(service('gateway'), 'ports').map(scalar)).toEqual(['3000:3000']);
    const published = Object.keys(services).filter(
      (name) => name !== 'gateway' && get(services, name, 'ports') !== undefined,
    );
    expect(published).toEqual([]);
  });

  it('should point identity at the authority simulator by default', () => {
    expect(environmentOf(service('identity')).AUTHORITY_URL).toMatch(
      /^\$\{AUTHORITY_URL:-http:\/\/authority-sim:3100\}$/,
    );
  });

  it('should give every service a healthcheck, the apps one on their own HTTP_PORT', () => {
    for (const name of Object.keys(services)) {
      expect({ name, hasTest: healthcheckTest(service(name)).trim() !== '' }).toEqual({
        name,
        hasTest: true,
      });
    }
    for (const [app, spec] of Object.entries(APPS)) {
      const path = app === 'authority-sim' ? '/health/live' : '/health/ready';
      const expected = `CMD node -e fetch('http://127.0.0.1:${String(spec.port)}${path}')`;
      expect({ app, test: healthcheckTest(service(app)).slice(0, expected.length) }).toEqual({
        app,
        test: expected,
      });
    }
  });

  it('should wait for healthy dependencies only', () => {
    const expected: Readonly<Record<string, readonly string[]>> = {
      accounts: ['mysql', 'kafka'],
      identity: ['mysql', 'kafka', 'authority-sim'],
      exam: ['mysql', 'kafka'],
      payments: ['mysql', 'kafka'],
      audit: ['mysql', 'kafka'],
      gateway: ['redis', ...BACKEND_APPS],
    };
    for (const [name, deps] of Object.entries(expected)) {
      expect({ name, deps: Object.keys(dependsOn(service(name))).sort() }).toEqual({
        name,
        deps: [...deps].sort(),
      });
    }
    for (const name of Object.keys(services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service(name)))) {
        expect({
          name,
          dependency,
          condition,
          hasHealthcheck: healthcheckTest(service(dependency)) !== '',
        }).toEqual({
          name,
          dependency,
          condition: 'service_healthy',
          hasHealthcheck: true,
        });
      }
    }
  });

  it('should run MySQL 8.4 with the init script and Kafka 3.9.1 in KRaft mode', () => {
    expect(get(service('mysql'), 'image')).toBe('mysql:8.4');
    expect(getArray(service('mysql'), 'volumes').map(scalar)).toContain(
      './mysql-init:/docker-entrypoint-initdb.d:ro',
    );
    expect(environmentOf(service('mysql')).MYSQL_USER).toBe('exam');
    expect(get(service('kafka'), 'image')).toBe('apache/kafka:3.9.1');
    const kafka = environmentOf(service('kafka'));
    expect(kafka.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(kafka.KAFKA_ADVERTISED_LISTENERS).toBe('SASL_PLAINTEXT://kafka:9092');
    expect(healthcheckTest(service('kafka'))).toContain('--bootstrap-server localhost:9092');
  });

  it('should require SCRAM on Kafka with deny-by-default ACLs, and give each backend its own principal and signing key', () => {
    const kafka = environmentOf(service('kafka'));
    expect({
      protocols: kafka.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP,
      mechanisms: kafka.KAFKA_SASL_ENABLED_MECHANISMS,
      authorizer: kafka.KAFKA_AUTHORIZER_CLASS_NAME,
      allowWithoutAcl: kafka.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND,
      superUsers: kafka.KAFKA_SUPER_USERS,
    }).toEqual({
      protocols: 'CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
      mechanisms: 'SCRAM-SHA-512',
      authorizer: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      allowWithoutAcl: 'false',
      superUsers: 'User:admin',
    });
    expect(healthcheckTest(service('kafka'))).toContain('test -f /tmp/acls.done');
    for (const app of BACKEND_APPS) {
      const env = environmentOf(service(app));
      const upper = app.toUpperCase();
      expect({
        app,
        mechanism: env.KAFKA_SASL_MECHANISM,
        user: env.KAFKA_SASL_USERNAME,
        password: env.KAFKA_SASL_PASSWORD,
        brokerKnowsIt: kafka[`KAFKA_PASSWORD_${upper}`],
        keyId: env.EVENT_SIGNING_KEY_ID,
        key: env.EVENT_SIGNING_PRIVATE_KEY,
      }).toEqual({
        app,
        mechanism: 'scram-sha-512',
        user: app,
        password: `\${KAFKA_PASSWORD_${upper}:?set KAFKA_PASSWORD_${upper} in docker/.env}`,
        brokerKnowsIt: `\${KAFKA_PASSWORD_${upper}:?set KAFKA_PASSWORD_${upper} in docker/.env}`,
        keyId: `${app}.1`,
        key: `\${EVENT_SIGNING_KEY_${upper}:?set EVENT_SIGNING_KEY_${upper} in docker/.env}`,
      });
    }
  });

  it('should run the apps hardened: read-only root filesystem, no capabilities, no new privileges', () => {
    for (const app of Object.keys(APPS)) {
      const definition = service(app);
      expect({
        app,
        readOnly: get(definition, 'read_only'),
        capDrop: getArray(definition, 'cap_drop').map(scalar),
        securityOpt: getArray(definition, 'security_opt').map(scalar),
      }).toEqual({ app, readOnly: true, capDrop: ['ALL'], securityOpt: ['no-new-privileges:true'] });
    }
  });

  it('should keep secrets out of compose.yaml: only required ${VAR:?} interpolations', () => {
    for (const name of Object.keys(services)) {
      const environment = environmentOf(service(name));
      // DATABASE_URL is built around the interpolated MySQL password (checked below).
      const secrets = SECRET_ENV.filter((key) => key !== 'DATABASE_URL' && Object.hasOwn(environment, key));
      for (const key of secrets) {
        expect({
          name,
          key,
          value: environment[key],
          required: REQUIRED_INTERPOLATION.test(environment[key]),
        }).toEqual({
          name,
          key,
          value: environment[key],
          required: true,
        });
      }
      const url = lookup(environment, 'DATABASE_URL');
      if (url !== undefined) {
        const password = /^mysql:\/\/[^:@]+:([^@]*)@/.exec(url)?.[1] ?? '';
        expect({ name, password, required: REQUIRED_INTERPOLATION.test(password) }).toEqual({
          name,
          password,
          required: true,
        });
      }
    }
    expect(compose.text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    expect(compose.text).not.toMatch(/[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=/);
  });

  it('should document every interpolated variable in docker/.env.example with placeholder secrets', () => {
    const examplePath = join(DOCKER_DIR, '.env.example');
    expect(existsSync(examplePath)).toBe(true);
    const example = parseEnvFile(readFileSync(examplePath, 'utf8'));
    const required = stringsIn(compose.doc).flatMap((value) =>
      [...value.matchAll(/\$\{([A-Z][A-Z0-9_]*):\?/g)].map((match) => match[1]),
    );
    expect(required.length).toBeGreaterThan(0);
    const missing = [...new Set(required)].filter((name) => !Object.hasOwn(example, name));
    expect(missing).toEqual([]);
    const documented = [
      ...SECRET_ENV.filter((name) => !FIELD_ENCRYPTION_ENV.includes(name)),
      ...BACKEND_APPS.flatMap((app) => FIELD_ENCRYPTION_ENV.map((name) => `${app.toUpperCase()}_${name}`)),
      'JWT_PUBLIC_KEYS',
      'JWT_KEY_ID',
      'FACE_CHECK_KEY_ID',
    ];
    for (const key of documented.filter((name) => name !== 'DATABASE_URL')) {
      const value = lookup(example, key) ?? '';
      expect({ key, value, placeholder: value.includes('CHANGE_ME') }).toEqual({
        key,
        value,
        placeholder: true,
      });
    }
  });

  it('should document how to generate the keys in docker/.env.example', () => {
    const text = readFileSync(join(DOCKER_DIR, '.env.example'), 'utf8');
    expect(text).toContain('node dist/scripts/dev-env.js');
    expect(text).toContain('node -r @swc-node/register scripts/generate-field-keys.ts');
    expect(existsSync(join(ROOT, 'scripts', 'generate-field-keys.ts'))).toBe(true);
    expect(existsSync(join(ROOT, 'scripts', 'dev-env.ts'))).toBe(true);
    // ES256 access tokens and Ed25519 audit checkpoints; no RSA anywhere.
    expect(text).toContain('openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256');
    expect(text).toContain('openssl genpkey -algorithm ed25519');
    // CODE_HASH_KEY, and the face-check key: Ed25519, base64 of the PKCS#8 DER.
    expect(text).toContain('openssl rand -base64 32');
    expect(text).toContain('openssl genpkey -algorithm ed25519 -outform DER | base64 -w0');
    // RSA only where the payment providers' published protocols demand it (WeChat Pay v3, Alipay RSA2).
    const withoutProviders = text.replace(/# >>> payment providers[\s\S]*# <<< payment providers/, '');
    expect(withoutProviders).not.toBe(text);
    expect(withoutProviders).not.toMatch(/\bRSA\b/);
  });

  it('should create the five databases and grant them to the exam user without a committed password', () => {
    const sql = readFileSync(join(DOCKER_DIR, 'mysql-init', '01-databases.sql'), 'utf8');
    for (const spec of Object.values(APPS)) {
      if (spec.database === null) continue;
      expect(sql).toContain(`CREATE DATABASE IF NOT EXISTS \`${spec.database}\``);
      expect(sql).toContain(`GRANT ALL PRIVILEGES ON \`${spec.database}\`.* TO 'exam'@'%';`);
    }
    expect(sql).not.toMatch(/IDENTIFIED\s+BY/i);
  });
});

describe('docker image', () => {
  const dockerfile = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
  const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('should build any app on node:20-bookworm-slim with production dependencies only', () => {
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:20-bookworm-slim');
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toContain('COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}');
  });

  it('should run as a non-root user with a node-based liveness healthcheck', () => {
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).toMatch(/^[1-9][0-9]*(:[1-9][0-9]*)?$/);
    expect(dockerfile).toMatch(/^EXPOSE \$\{HTTP_PORT\}$/m);
    expect(dockerfile).toContain(
      "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))",
    );
  });

  it('should keep .env files, tests and build output out of the build context', () => {
    expect(dockerignore[0]).toBe('*');
    expect(dockerignore).toEqual(
      expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/dist']),
    );
    expect(dockerignore.filter((line) => line.startsWith('!'))).toEqual(
      expect.not.arrayContaining(['!docker', '!test', '!.env', '!k8s']),
    );
  });
});
