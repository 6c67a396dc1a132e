import { createConnection } from 'mysql2/promise';

import { parseMysqlUrl } from './mysql-url';

/** Creates the service's database if it does not exist yet (utf8mb4, so rare characters round-trip). */
export async function ensureDatabase(databaseUrl: string, name: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) throw new Error(`Unsafe database name "${name}"`);
  const connection = await createConnection({ ...parseMysqlUrl(databaseUrl), connectTimeout: 5000 });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
