'use strict';
// Drops every database named <prefix>_<anything> on the server of DATABASE_URL (default root@127.0.0.1:3306).
// Used by scripts/test-web.sh for the browser journeys' own platform databases; refuses the exam_ prefix of a
// developer's platform and the test_ prefix of the e2e suites.
const mysql = require('mysql2/promise');

async function main() {
  const prefix = process.argv[2] ?? '';
  if (!/^[a-z][a-z0-9]{2,30}$/.test(prefix) || prefix === 'exam' || prefix === 'test') {
    throw new Error(`refusing to drop databases with prefix "${prefix}"`);
  }
  const connection = await mysql.createConnection(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306');
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    const names = rows.map((row) => row.Database).filter((name) => name.startsWith(`${prefix}_`));
    for (const name of names) await connection.query(`DROP DATABASE \`${name}\``);
    console.log(`[test-web] dropped ${names.length} database(s) with prefix ${prefix}_`);
  } finally {
    await connection.end();
  }
}

main().catch((error) => {
  console.error(`[test-web] ${error.message}`);
  process.exit(1);
});
