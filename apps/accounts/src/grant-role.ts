import { parseArgs } from 'node:util';

import { DomainError, JsonLogger } from '@exam/platform';
import { NestFactory } from '@nestjs/core';

import { loadAccountsEnv } from './config/accounts.env';
import { GrantRoleModule } from './platform-roles/grant-role.module';
import { PlatformRolesService } from './platform-roles/platform-roles.service';

const USAGE = `Appoints the first platform_admin (only while the platform has none).

  node dist/apps/accounts/src/grant-role.js --login <phone|email|user name> --reason "<why>"

The account must exist and be active (registered and verified). The change is kept with its reason and
published to the audit log exactly like a grant through PUT /api/accounts/admin/users/:userId/platform-roles,
which is how every later role is granted. Exit codes: 0 done (or the account already is platform_admin),
1 refused, 2 could not run. Reads the accounts service's environment (DATABASE_URL, keys, KAFKA_BROKERS).`;

/** `node dist/apps/accounts/src/grant-role.js`: bootstraps the first platform_admin through the service code. */
async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      login: { type: 'string' },
      reason: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const login = values.login?.trim() ?? '';
  const reason = values.reason?.trim() ?? '';
  if (login === '' || reason.length < 3 || reason.length > 500) {
    process.stderr.write(
      `grant-role: --login and --reason (3 to 500 characters) are required.\n\n${USAGE}\n`,
    );
    return 2;
  }
  const env = loadAccountsEnv();
  const app = await NestFactory.createApplicationContext(GrantRoleModule.register(env), {
    logger: new JsonLogger('accounts', 'warn'),
    abortOnError: false,
  });
  try {
    const result = await app.get(PlatformRolesService).appointFirstAdmin(login, reason);
    const what =
      result.changes.length === 0 ? 'already holds platform_admin' : 'is now platform_admin (audited)';
    process.stdout.write(
      `${JSON.stringify({ userId: result.userId, roles: result.roles, message: `account ${what}` })}\n`,
    );
    return 0;
  } catch (error: unknown) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`grant-role refused (${error.code}): ${error.message}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`grant-role failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
