import { randomBytes } from 'node:crypto';

import { createConnection } from 'mysql2/promise';

import { testEnv } from './test-env';

const TEST_DB_PATTERN = /^test_[a-z0-9_]{1,50}$/;

/** Refuses any database whose name does not mark it as a throwaway test database. */
export function assertTestDatabaseName(name: string): void {
  if (!TEST_DB_PATTERN.test(name)) {
    throw new Error(
      `Refusing to touch database "${name}": test databases must match ${String(TEST_DB_PATTERN)}`,
    );
  }
}

export interface TestDatabase {
  readonly name: string;
  /** Server URL with the database name appended, for a DataSource or a service config. */
  readonly url: string;
  drop(): Promise<void>;
}

function serverUrl(): URL {
  return new URL(testEnv().databaseUrl);
}

/** Creates a fresh database `test_<purpose>_<random>` and returns a handle that drops it. */
export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const safePurpose = purpose
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')
    .slice(0, 20);
  const name = `test_${safePurpose}_${testEnv().runId}_${randomBytes(3).toString('hex')}`;
  assertTestDatabaseName(name);
  const url = serverUrl();
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url.toString());
  dbUrl.pathname = `/${name}`;
  return {
    name,
    url: dbUrl.toString(),
    async drop(): Promise<void> {
      assertTestDatabaseName(name);
      const conn = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username || 'root'),
        password: decodeURIComponent(url.password),
      });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
