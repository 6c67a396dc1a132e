import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { SignedCheckpoint } from './checkpoint-signer';

export const CHECKPOINT_STORE = Symbol('CHECKPOINT_STORE');

/** Where signed checkpoints live: anywhere but the audit database (a directory, object storage, another DB). */
export interface CheckpointStore {
  append(checkpoint: SignedCheckpoint): Promise<void>;
  /** Every checkpoint of one database, grouped by stream, oldest first. Unreadable lines come back as `null`. */
  readAll(database: string): Promise<Map<string, (SignedCheckpoint | null)[]>>;
}

const SAFE_NAME = /^[a-z0-9_-]{1,64}$/;

function safe(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe checkpoint path component: ${name}`);
  return name;
}

function parseLine(line: string): SignedCheckpoint | null {
  try {
    const value = JSON.parse(line) as Partial<SignedCheckpoint>;
    const ok =
      typeof value.database === 'string' &&
      typeof value.stream === 'string' &&
      typeof value.seq === 'number' &&
      typeof value.headHash === 'string' &&
      typeof value.signedAt === 'string' &&
      typeof value.keyId === 'string' &&
      typeof value.signature === 'string';
    return ok ? (value as SignedCheckpoint) : null;
  } catch {
    return null;
  }
}

/**
 * One append-only JSON-lines file per database and stream. Appends of one short line are atomic with
 * O_APPEND, so several replicas may checkpoint concurrently; duplicates are harmless.
 */
export class FileCheckpointStore implements CheckpointStore {
  constructor(private readonly directory: string) {}

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    const dir = join(this.directory, safe(checkpoint.database));
    await mkdir(dir, { recursive: true });
    await appendFile(join(dir, `${safe(checkpoint.stream)}.jsonl`), `${JSON.stringify(checkpoint)}\n`, {
      encoding: 'utf8',
      mode: 0o640,
    });
  }

  async readAll(database: string): Promise<Map<string, (SignedCheckpoint | null)[]>> {
    const dir = join(this.directory, safe(database));
    const result = new Map<string, (SignedCheckpoint | null)[]>();
    let files: string[];
    try {
      files = await readdir(dir);
    } catch {
      return result;
    }
    for (const file of files.filter((f) => f.endsWith('.jsonl')).sort()) {
      const text = await readFile(join(dir, file), 'utf8');
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      result.set(file.slice(0, -'.jsonl'.length), lines.map(parseLine));
    }
    return result;
  }
}
