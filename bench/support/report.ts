import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a bench result as JSON under .local/bench/ so runs can be compared. */
export function writeBenchResult(name: string, result: unknown): string {
  const dir = join(__dirname, '..', '..', '.local', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, at: new Date().toISOString(), result }, null, 2));
  return file;
}
