import { findSensitiveNumbers } from '@exam/crypto';

import { responseLeaks } from './response-leak-monitor';

/**
 * Loaded in every e2e test file (setupFilesAfterEnv): whatever the services under test write to
 * stdout/stderr (their JSON logs) is scanned for full resident ID, phone and bank-card numbers, and
 * every HTTP response of services started by the harness is checked (see response-leak-monitor);
 * the file fails on any leak. Only the kind and position are reported, never the value.
 */
const leaks: string[] = [];

function watch(stream: NodeJS.WriteStream, name: string): void {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    for (const finding of findSensitiveNumbers(text))
      leaks.push(`${name}: unmasked ${finding.kind} at offset ${finding.start}`);
    return original(chunk, ...rest);
  };
}

watch(process.stdout, 'stdout');
watch(process.stderr, 'stderr');

afterAll(() => {
  expect(leaks).toEqual([]);
  expect(responseLeaks()).toEqual([]);
});
