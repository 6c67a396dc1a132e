import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

export async function kafkaScript(command: 'start' | 'stop' | 'status'): Promise<void> {
  await run('bash', [join(ROOT, 'scripts', 'kafka.sh'), command], { cwd: ROOT, timeout: 180_000 });
}

export async function databaseScript(command: 'ensure'): Promise<void> {
  await run('bash', [join(ROOT, 'scripts', 'db.sh'), command], { cwd: ROOT, timeout: 300_000 });
}
