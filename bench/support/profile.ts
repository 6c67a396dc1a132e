import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Runs `work` under the V8 CPU profiler of this thread when `enabled`, writing
 * .local/bench/<name>.cpuprofile (open it in Chrome DevTools or speedscope): where a phase's main-thread CPU goes.
 */
export async function profiled<T>(enabled: boolean, name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const dir = join(__dirname, '..', '..', '.local', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
