import { runGenerateKeysCli } from '@exam/crypto';

import { FIELD_KEY_SERVICES, fieldKeyPrefixOf } from './lib/field-key-services';

/**
 * Prints field-encryption keys as dotenv lines, one set per service under its own prefix
 * (`ACCOUNTS_FIELD_KEK`, …): no two services share a key, so one service's compromise does not decrypt
 * another's data. `--service <name>` limits it to one service; `--add-data-key`, `--add-blind-index-key`
 * and `--rotate-kek` (with `--service`) work on that service's current set, read from the environment.
 */
function main(argv: readonly string[]): number {
  const at = argv.indexOf('--service');
  const rest = argv.filter((_arg, i) => at === -1 || (i !== at && i !== at + 1));
  const services = at === -1 ? FIELD_KEY_SERVICES : [argv[at + 1] ?? ''];
  const unknown = services.find((s) => !FIELD_KEY_SERVICES.includes(s));
  if (unknown !== undefined) {
    process.stdout.write(`# --service must be one of ${FIELD_KEY_SERVICES.join(', ')}\n`);
    return 1;
  }
  if (at === -1 && rest.length > 0) {
    process.stdout.write('# adding or rotating keys works on one service: add --service <name>\n');
    return 1;
  }
  for (const service of services) {
    const code = runGenerateKeysCli([...rest, '--prefix', fieldKeyPrefixOf(service)], process.env);
    if (code !== 0) return code;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
