import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { FIELD_KEY_SERVICES, fieldKeyPrefixOf } from '../../scripts/lib/field-key-services';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const SECRET_NAMES = ['FIELD_KEK', 'FIELD_DATA_KEYS', 'BLIND_INDEX_KEYS'];

/** `NAME='value'` lines (the quoting both scripts print) as a record. */
function parseLines(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of stdout.matchAll(/^([A-Z][A-Z0-9_]*)='([^']*)'$/gm)) out[match[1]] = match[2];
  return out;
}

async function script(name: string, args: readonly string[] = []): Promise<Record<string, string>> {
  const { stdout } = await run('node', ['-r', '@swc-node/register', join('scripts', name), ...args], {
    cwd: ROOT,
    timeout: 60_000,
  });
  return parseLines(stdout);
}

function expectOwnKeysPerService(values: Record<string, string>): void {
  for (const name of SECRET_NAMES) {
    const perService = FIELD_KEY_SERVICES.map(
      (service) => values[`${fieldKeyPrefixOf(service)}${name}`] ?? '',
    );
    expect({ name, missing: perService.filter((v) => v === '').length }).toEqual({ name, missing: 0 });
    expect({ name, distinct: new Set(perService).size }).toEqual({
      name,
      distinct: FIELD_KEY_SERVICES.length,
    });
  }
}

describe('per-service field-encryption keys', () => {
  it('should generate a distinct key set for every service in the dev keys', async () => {
    expectOwnKeysPerService(await script('dev-env.ts'));
  }, 90_000);

  it('should generate a distinct key set for every service for docker/.env, and one service on request', async () => {
    expectOwnKeysPerService(await script('generate-field-keys.ts'));
    expect(Object.keys(await script('generate-field-keys.ts', ['--service', 'exam'])).sort()).toEqual(
      ['BLIND_INDEX_ACTIVE_KEY_ID', 'BLIND_INDEX_KEYS', 'FIELD_ACTIVE_KEY_ID', 'FIELD_DATA_KEYS', 'FIELD_KEK']
        .map((n) => `EXAM_${n}`)
        .sort(),
    );
  }, 90_000);
});
