import { findSensitiveNumbers } from '@exam/crypto';

/**
 * Loaded in every e2e test file (setupFilesAfterEnv): whatever the services under test write to
 * stdout/stderr (their JSON logs) is scanned for full resident ID, phone and bank-card numbers, and
 * the file fails if any appears. Only the kind and a line excerpt position are reported, never the value.
 */
const leaks: string[] = [];

function watch(stream: NodeJS.WriteStream, name: string): void {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    for (const finding of findSensitiveNumbers(text)) leaks.push(`${name}: unmasked ${finding.kind} at offset ${finding.start}`);
    return original(chunk, ...rest);
  });
}

watch(process.stdout, 'stdout');
watch(process.stderr, 'stderr');

afterAll(() => {
  expect(leaks).toEqual([]);
});
