import { runGenerateKeysCli } from '@exam/crypto';

/**
 * Prints field-encryption keys as dotenv lines: a fresh set, or `--add-data-key`, `--add-blind-index-key`,
 * `--rotate-kek` against the current set read from the environment. The library itself takes a plain record.
 */
process.exitCode = runGenerateKeysCli(process.argv.slice(2), process.env);
