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

/**
 * With KAFKA_AUTH=scram the local broker requires SASL: the tests then connect as its super user (they
 * create every service's topics), unless KAFKA_SASL_USERNAME is set already. Sets it for the workers.
 */
export async function useLocalKafkaCredentials(): Promise<void> {
  if (process.env.KAFKA_AUTH !== 'scram' || process.env.KAFKA_BROKERS !== undefined) return;
  if (process.env.KAFKA_SASL_USERNAME !== undefined) return;
  const { stdout } = await run('bash', [join(ROOT, 'scripts', 'kafka.sh'), 'env', 'admin'], {
    cwd: ROOT,
    timeout: 30_000,
  });
  for (const line of stdout.split('\n')) {
    const [name = '', ...rest] = line.split('=');
    if (name === 'KAFKA_SASL_USERNAME' || name === 'KAFKA_SASL_PASSWORD') process.env[name] = rest.join('=');
  }
}
